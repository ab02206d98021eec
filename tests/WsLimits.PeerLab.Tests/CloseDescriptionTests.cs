using System;
using System.Linq;
using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;
using WsLimits.PeerLab.Tests.Fixes;
using WsLimits.PeerLab.Tests.Kestrel;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// What CloseAsync and CloseOutputAsync do with a description over 123 UTF-8 bytes, on a ClientWebSocket connected to
/// Kestrel and on Kestrel's own server socket; and the WSL2004 fix's Truncate, run as the fix inserts it.
/// </summary>
public sealed class CloseDescriptionTests
{
    private const string UserCode = """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        public static class RefusingEndpoint
        {
            public static async Task RunAsync(WebSocket socket, Func<Task> handle, CancellationToken cancellationToken)
            {
                try
                {
                    await handle();
                }
                catch (Exception ex)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "Refused: " + ex.Message, cancellationToken);
                }
            }
        }
        """;

    private static readonly Lazy<Task<Assembly>> Fixed = new(async () => FixedCode.Compile(await FixedCode.ApplyAsync(
        UserCode,
        new DiagnosticAnalyzer[] { new CloseDescriptionTooLongAnalyzer() },
        new CodeFixProvider[] { new CloseDescriptionTooLongCodeFixProvider() })));

    private delegate Task Endpoint(WebSocket socket, Func<Task> handle, CancellationToken cancellationToken);

    private delegate string? Truncate(string? text);

    [Theory]
    [InlineData(124, "x")]
    [InlineData(62, "é")]
    [InlineData(31, "😀")]
    public async Task ClientCloseThrowsArgumentExceptionForADescriptionOver123Utf8BytesAndSendsNothing(int repeat, string character)
    {
        var description = string.Concat(Enumerable.Repeat(character, repeat));
        Assert.Equal(124, Encoding.UTF8.GetByteCount(description));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var serverSaw = new TaskCompletionSource<WebSocketCloseStatus?>();
        await using var server = await KestrelHost.StartAsync(async socket => serverSaw.TrySetResult(await ReceiveCloseAsync(socket, timeout.Token)));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.Uri, timeout.Token);

        // Thrown by the call itself, before a task exists: nothing reaches the wire.
        Assert.Throws<ArgumentException>("statusDescription", () => { _ = client.CloseAsync(WebSocketCloseStatus.MessageTooBig, description, timeout.Token); });
        Assert.Throws<ArgumentException>("statusDescription", () => { _ = client.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, description, timeout.Token); });
        Assert.Equal(WebSocketState.Open, client.State);

        await client.CloseAsync(WebSocketCloseStatus.MessageTooBig, description[..^character.Length], timeout.Token);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await serverSaw.Task);
    }

    [Fact]
    public async Task ServerCloseAccepts123Utf8BytesAndRefuses124()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var atTheLimit = new string('é', 61) + "x";
        Exception? refused = null;
        await using var server = await KestrelHost.StartAsync(async socket =>
        {
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, atTheLimit + "x", timeout.Token);
            }
            catch (Exception exception)
            {
                refused = exception;
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, atTheLimit, timeout.Token);
        });
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.Uri, timeout.Token);

        var result = await client.ReceiveAsync(new byte[16], timeout.Token);

        Assert.IsType<ArgumentException>(refused);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, client.CloseStatus);
        Assert.Equal(atTheLimit, client.CloseStatusDescription);
    }

    [Fact]
    public async Task StatusEmptyTakesNoDescription()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var server = await KestrelHost.StartAsync(socket => ReceiveCloseAsync(socket, timeout.Token));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.Uri, timeout.Token);

        Assert.Throws<ArgumentException>("statusDescription", () => { _ = client.CloseAsync(WebSocketCloseStatus.Empty, "bye", timeout.Token); });
        await client.CloseAsync(WebSocketCloseStatus.Empty, null, timeout.Token);
        Assert.Equal(WebSocketState.Closed, client.State);
    }

    [Fact]
    public async Task EndpointAsWrittenNeverClosesWhenTheExceptionMessageIsLong()
    {
        var endpoint = Bind(FixedCode.Compile(new[] { UserCode }));
        var run = await RunEndpointAsync(endpoint, new string('é', 100));

        Assert.IsType<ArgumentException>(run.EndpointFailure);
        Assert.Null(run.CloseStatus);
    }

    [Fact]
    public async Task FixedEndpointClosesWithTheTruncatedDescription()
    {
        var message = string.Concat(Enumerable.Repeat("é€😀", 20));
        var run = await RunEndpointAsync(Bind(await Fixed.Value), message);

        Assert.Null(run.EndpointFailure);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, run.CloseStatus);
        Assert.StartsWith(run.Description!, "Refused: " + message, StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(run.Description!), 123 - 3, 123);
    }

    [Theory]
    [InlineData(123, "x", 123)]
    [InlineData(124, "x", 123)]
    [InlineData(62, "é", 61)]
    [InlineData(41, "€", 41)]
    [InlineData(42, "€", 41)]
    [InlineData(31, "😀", 30)]
    public async Task TruncateKeepsWholeCharactersUpTo123Bytes(int repeat, string character, int kept)
    {
        var truncate = TruncateOf(await Fixed.Value);
        var text = string.Concat(Enumerable.Repeat(character, repeat));

        var truncated = truncate(text)!;

        Assert.Equal(string.Concat(Enumerable.Repeat(character, kept)), truncated);
        Assert.InRange(Encoding.UTF8.GetByteCount(truncated), 0, 123);
    }

    [Fact]
    public async Task TruncateNeverSplitsASurrogatePairAtTheBoundary()
    {
        var truncate = TruncateOf(await Fixed.Value);

        Assert.Equal(new string('x', 121), truncate(new string('x', 121) + "😀"));
        Assert.Equal(new string('x', 119) + "😀", truncate(new string('x', 119) + "😀x"));
        // A lone surrogate goes out as U+FFFD, three bytes, and is counted so.
        Assert.Equal(new string('\uD800', 41), truncate(new string('\uD800', 50)));
        Assert.Null(truncate(null));
        Assert.Equal(string.Empty, truncate(string.Empty));
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return result.CloseStatus;
            }
        }
    }

    /// <summary>Runs the endpoint on Kestrel with a handler that throws <paramref name="exceptionMessage"/>; returns how the client saw the close.</summary>
    private static async Task<(Exception? EndpointFailure, WebSocketCloseStatus? CloseStatus, string? Description)> RunEndpointAsync(Endpoint endpoint, string exceptionMessage)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var failure = new TaskCompletionSource<Exception?>();
        await using var server = await KestrelHost.StartAsync(async socket =>
        {
            try
            {
                await endpoint(socket, () => throw new InvalidOperationException(exceptionMessage), timeout.Token);
                failure.TrySetResult(null);
            }
            catch (Exception exception)
            {
                failure.TrySetResult(exception);
            }
        });
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.Uri, timeout.Token);

        WebSocketCloseStatus? status = null;
        try
        {
            var result = await client.ReceiveAsync(new byte[16], timeout.Token);
            status = result.MessageType == WebSocketMessageType.Close ? client.CloseStatus : null;
        }
        catch (WebSocketException)
        {
            // The server ended the connection without a close frame.
        }

        return (await failure.Task, status, client.CloseStatusDescription);
    }

    private static Endpoint Bind(Assembly assembly) =>
        assembly.GetType("RefusingEndpoint")!.GetMethod("RunAsync")!.CreateDelegate<Endpoint>();

    private static Truncate TruncateOf(Assembly assembly) =>
        assembly.GetType("CloseDescription")!.GetMethod("Truncate")!.CreateDelegate<Truncate>();
}
