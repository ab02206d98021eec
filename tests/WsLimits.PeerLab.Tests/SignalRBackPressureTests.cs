using System;
using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using WsLimits.Analyzers.SignalR;
using WsLimits.PeerLab.Tests.SignalR;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// What WSL3005 says about TransportMaxBufferSize and ApplicationMaxBufferSize, against the real assemblies and live on
/// Kestrel: their defaults; that they are the pause thresholds of the pipes between transport and application; and that
/// 0 turns the pause off, so the server holds whatever a client sends while its hub reads none of it
/// (ApplicationMaxBufferSize), and whatever its hub sends to a client that reads none of it (TransportMaxBufferSize).
/// Note the directions: the API reference describes the server's two the other way round; its code wires them as here.
/// </summary>
public sealed class SignalRBackPressureTests
{
    private const char RecordSeparator = '\u001e';

    /// <summary>Far beyond what the default threshold, Kestrel's buffers and the loopback socket buffers hold together.</summary>
    private const int Flood = 48 * 1024 * 1024;

    /// <summary>What a side held back by the default threshold stays under: Kestrel and the sockets hold 4 to 6 MiB here.</summary>
    private const int HeldBack = 16 * 1024 * 1024;

    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(2);

    private const int FrameBytes = 256 * 1024;

    [Fact]
    public void ServerThresholdsDefaultTo64KiBAndTheClientsTo1MiB()
    {
        var server = new HttpConnectionDispatcherOptions();
        var client = new HttpConnectionOptions();

        Assert.Equal(BackPressureThreshold.ServerDefaultBytes, server.TransportMaxBufferSize);
        Assert.Equal(BackPressureThreshold.ServerDefaultBytes, server.ApplicationMaxBufferSize);
        Assert.Equal(65_536, BackPressureThreshold.ServerDefaultBytes);
        Assert.Equal(BackPressureThreshold.ClientDefaultBytes, client.TransportMaxBufferSize);
        Assert.Equal(BackPressureThreshold.ClientDefaultBytes, client.ApplicationMaxBufferSize);
        Assert.Equal(1_048_576, BackPressureThreshold.ClientDefaultBytes);
    }

    [Theory]
    [InlineData(typeof(HttpConnectionDispatcherOptions))]
    [InlineData(typeof(HttpConnectionOptions))]
    public void EachThresholdIsThePauseWriterThresholdOfItsPipeAndZeroNeverPauses(Type optionsType)
    {
        foreach (var threshold in new[] { "TransportMaxBufferSize", "ApplicationMaxBufferSize" })
        {
            Assert.Equal(0, PipeOptionsFor(optionsType, threshold, 0).PauseWriterThreshold);
            Assert.Equal(100_000, PipeOptionsFor(optionsType, threshold, 100_000).PauseWriterThreshold);
            Assert.Equal(50_000, PipeOptionsFor(optionsType, threshold, 100_000).ResumeWriterThreshold);
        }

        // A pipe with no pause threshold takes 16 MiB that nobody reads without making its writer wait once.
        var unbounded = new Pipe(PipeOptionsFor(optionsType, "TransportMaxBufferSize", 0));
        for (var written = 0; written < 16 * 1024 * 1024; written += FrameBytes)
        {
            unbounded.Writer.Write(new byte[FrameBytes]);
            Assert.True(unbounded.Writer.FlushAsync().IsCompleted);
        }

        // The default pauses the writer as soon as that much is unread.
        var bounded = new Pipe(PipeOptionsFor(optionsType, "TransportMaxBufferSize", BackPressureThreshold.ServerDefaultBytes));
        bounded.Writer.Write(new byte[BackPressureThreshold.ServerDefaultBytes]);
        Assert.False(bounded.Writer.FlushAsync().IsCompleted);

        static PipeOptions PipeOptionsFor(Type optionsType, string threshold, long bytes)
        {
            var options = Activator.CreateInstance(optionsType)!;
            optionsType.GetProperty(threshold)!.SetValue(options, bytes);
            var pipe = threshold == "TransportMaxBufferSize" ? "TransportPipeOptions" : "AppPipeOptions";
            return (PipeOptions)optionsType.GetProperty(pipe, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;
        }
    }

    [Fact]
    public async Task WithTheDefaultApplicationMaxBufferSizeTheServerStopsTakingWhatItsHubDoesNotRead()
    {
        var taken = await BytesTakenWhileTheHubReadsNothingAsync(configureConnections: null);

        Assert.True(taken < HeldBack, $"the server took {taken} bytes");
    }

    [Fact]
    public async Task WithApplicationMaxBufferSizeZeroTheServerTakesEverythingAClientSendsWhileItsHubReadsNothing()
    {
        var taken = await BytesTakenWhileTheHubReadsNothingAsync(options => options.ApplicationMaxBufferSize = 0);

        Assert.Equal(Flood, taken);
    }

    [Fact]
    public async Task TransportMaxBufferSizeZeroDoesNotLetTheServerTakeMoreFromAClient()
    {
        var taken = await BytesTakenWhileTheHubReadsNothingAsync(options => options.TransportMaxBufferSize = 0);

        Assert.True(taken < HeldBack, $"the server took {taken} bytes");
    }

    [Fact]
    public async Task WithTheDefaultTransportMaxBufferSizeAHubSendingToAClientThatDoesNotReadIsHeldBack()
    {
        var sent = await BytesAHubSendsToAClientThatDoesNotReadAsync(configureConnections: null);

        Assert.True(sent < HeldBack, $"the hub sent {sent} bytes");
    }

    [Fact]
    public async Task WithTransportMaxBufferSizeZeroAHubBuffersEverythingItSendsToAClientThatDoesNotRead()
    {
        var sent = await BytesAHubSendsToAClientThatDoesNotReadAsync(options => options.TransportMaxBufferSize = 0);

        Assert.Equal(Flood, sent);
    }

    /// <summary>
    /// Connects a raw WebSocket to the hub, stalls the hub's reading (one invocation that never returns holds the one
    /// invocation slot, so the next one waits, and with it the loop that reads what the transport received), then sends
    /// up to <see cref="Flood"/> bytes. Returns how many the server took before a send waited <see cref="Stalled"/>:
    /// what then stays unsent is what back-pressure keeps out of the server's memory.
    /// </summary>
    private static async Task<long> BytesTakenWhileTheHubReadsNothingAsync(Action<HttpConnectionDispatcherOptions>? configureConnections)
    {
        await using var server = await SignalRHost.StartAsync(typeof(StallingHub), services => services.AddSignalR(), configureConnections);
        using var socket = await ConnectRawAsync(server);
        for (var id = 1; id <= 2; id++)
        {
            await SendTextAsync(socket, Invocation(id, nameof(StallingHub.Stall)));
        }

        // Spaces, in one message that never ends: the hub protocol would skip them, if anything read them.
        var frame = new byte[FrameBytes];
        Array.Fill(frame, (byte)' ');
        long sent = 0;
        while (sent < Flood)
        {
            var send = socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: false, CancellationToken.None);
            if (await Task.WhenAny(send, Task.Delay(Stalled)) != send)
            {
                break;
            }

            await send;
            sent += FrameBytes;
        }

        socket.Abort();
        return sent;
    }

    /// <summary>
    /// Connects a raw WebSocket that never reads after the handshake and has the hub send it up to <see cref="Flood"/>
    /// bytes. Returns how many bytes of messages the hub had sent when it made no progress for <see cref="Stalled"/>.
    /// </summary>
    private static async Task<long> BytesAHubSendsToAClientThatDoesNotReadAsync(Action<HttpConnectionDispatcherOptions>? configureConnections)
    {
        var progress = new FloodProgress();
        await using var server = await SignalRHost.StartAsync(
            typeof(FloodingHub),
            services => services.AddSingleton(progress).AddSignalR(),
            configureConnections);
        using var socket = await ConnectRawAsync(server);
        await SendTextAsync(socket, Invocation(1, nameof(FloodingHub.Flood), Flood / FrameBytes, FrameBytes));

        long last = -1;
        while (progress.Bytes != last && progress.Bytes < Flood)
        {
            last = progress.Bytes;
            await Task.Delay(Stalled);
        }

        socket.Abort();
        return progress.Bytes;
    }

    private static async Task<ClientWebSocket> ConnectRawAsync(Microsoft.AspNetCore.Builder.WebApplication server)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(SignalRHost.Address(server).Replace("http://", "ws://", StringComparison.Ordinal) + "/hub"), timeout.Token);
        await SendTextAsync(socket, "{\"protocol\":\"json\",\"version\":1}" + RecordSeparator);
        var handshake = new byte[256];
        var response = await socket.ReceiveAsync(handshake, timeout.Token);
        Assert.Equal("{}" + RecordSeparator, Encoding.UTF8.GetString(handshake, 0, response.Count));
        return socket;
    }

    private static string Invocation(int id, string target, params int[] arguments) =>
        $"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":[{string.Join(",", arguments)}]}}" + RecordSeparator;

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
}

public sealed class StallingHub : Hub
{
    /// <summary>Never returns, so that it keeps the connection's one invocation slot.</summary>
    public Task Stall() => new TaskCompletionSource().Task;
}

public sealed class FloodingHub : Hub
{
    private readonly FloodProgress _progress;

    public FloodingHub(FloodProgress progress) => _progress = progress;

    public async Task Flood(int messages, int characters)
    {
        var text = new string('b', characters);
        for (var i = 0; i < messages; i++)
        {
            await Clients.Caller.SendAsync("Part", text);
            _progress.Add(characters);
        }
    }
}

/// <summary>How much of its text a <see cref="FloodingHub"/> has handed to SignalR.</summary>
public sealed class FloodProgress
{
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Add(int bytes) => Interlocked.Add(ref _bytes, bytes);
}
