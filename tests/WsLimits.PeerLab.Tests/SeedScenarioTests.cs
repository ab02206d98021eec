using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.PeerLab.Tests.Fixes;
using WsLimits.PeerLab.Tests.Peers;
using Xunit;
using Xunit.Abstractions;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// The case WSL1001 exists for: a .NET client sends 1 MiB in one SendAsync call. Netty, which limits frames, refuses
/// it with 1009; the code the WSL1001 fix writes delivers it; peers that limit whole messages refuse it either way.
/// </summary>
public sealed class SeedScenarioTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public SeedScenarioTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task NettyClosesWith1009OnAMebibyteSentInOneSendAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var netty = await Peer.Netty.StartAsync();
        using var connection = await PeerConnection.ConnectAsync(netty.Uri, timeout.Token);

        await connection.Socket.SendAsync(Payloads.Random(Payloads.Mebibyte), WebSocketMessageType.Binary, true, timeout.Token);
        var reply = await connection.ReadReplyAsync(timeout.Token);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, reply.CloseStatus);
        Assert.Equal("Max frame length of 65536 has been exceeded.", reply.CloseDescription);
    }

    [SkippableFact]
    public async Task FixedCodeDeliversTheMebibyteToNettyInFramesOfTheLimit()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var netty = await Peer.Netty.StartAsync();
        using var connection = await PeerConnection.ConnectAsync(netty.Uri, timeout.Token);
        var payload = Payloads.Random(Payloads.Mebibyte);

        await FixedSender.SendAsync(connection.Socket, payload, timeout.Token);
        var reply = await connection.ReadReplyAsync(timeout.Token);

        Assert.Equal(new MessageReport(payload.Length, Payloads.Sha256(payload), Frames: 16, LargestFrame: 65536), reply.Report);
    }

    [SkippableFact]
    public async Task FixedCodeKeepsThirtyTwoConcurrentSendersMessagesIntact()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var netty = await Peer.Netty.StartAsync();
        using var connection = await PeerConnection.ConnectAsync(netty.Uri, timeout.Token);
        var payloads = Enumerable.Range(0, 32).Select(_ => Payloads.Random(Payloads.Mebibyte)).ToArray();

        var sends = payloads.Select(payload => Task.Run(() => FixedSender.SendAsync(connection.Socket, payload, timeout.Token))).ToArray();
        var replies = Enumerable.Range(0, payloads.Length).Select(_ => connection.ReadReplyAsync(timeout.Token).GetAwaiter().GetResult()).ToArray();
        await Task.WhenAll(sends);

        Assert.All(replies, reply => Assert.True(reply.Report is { Bytes: Payloads.Mebibyte, LargestFrame: <= 65536 }, reply.ToString()));
        Assert.Equal(
            payloads.Select(payload => Payloads.Sha256(payload)).OrderBy(hash => hash),
            replies.Select(reply => reply.Report!.Sha256).OrderBy(hash => hash));
    }

    [SkippableTheory]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    [InlineData("gorilla")]
    public async Task PeersThatLimitMessagesRefuseTheFixedCodesFramesToo(string peerName)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var peer = await Peer.Named(peerName).StartAsync(limit: "65536");
        using var connection = await PeerConnection.ConnectAsync(peer.Uri, timeout.Token);

        try
        {
            await FixedSender.SendAsync(connection.Socket, Payloads.Random(Payloads.Mebibyte), timeout.Token);
        }
        catch (WebSocketException)
        {
            // The peer may close while frames are still being sent.
        }

        var reply = await connection.ReadReplyAsync(timeout.Token);
        _output.WriteLine($"{peerName}: {reply}");
        Assert.Null(reply.Report);
        Assert.True(reply.CloseStatus is WebSocketCloseStatus.MessageTooBig || reply.Failure is not null, reply.ToString());
    }
}
