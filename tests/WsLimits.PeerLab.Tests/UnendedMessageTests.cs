using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.PeerLab.Tests.Peers;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// What WSL1004 says about a message that is never ended, against real peers: a send whose flags lack EndOfMessage
/// (the literal 0) is not delivered, the next send on the socket becomes part of the same message, and the fixed send
/// is delivered at once.
/// </summary>
public sealed class UnendedMessageTests
{
    /// <summary>Long enough for a loopback peer to answer a message it has.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    [SkippableTheory]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    [InlineData("netty")]
    public async Task FlagsZeroLeaveTheMessageOpenAndTheNextSendContinuesIt(string peerName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var server = await Peer.Named(peerName).StartAsync();
        using var connection = await PeerConnection.ConnectAsync(server.Uri, timeout.Token);
        var unended = Payloads.Random(100);
        var next = Payloads.Random(50);

        // The literal 0 binds to the WebSocketMessageFlags overload: no EndOfMessage.
        await connection.Socket.SendAsync(unended, WebSocketMessageType.Binary, 0, timeout.Token);
        var reply = connection.ReadReplyAsync(timeout.Token);
        Assert.NotSame(reply, await Task.WhenAny(reply, Task.Delay(Patience)));

        // A new text message, as the caller sees it; on the wire, a continuation of the open binary one.
        await connection.Socket.SendAsync(next, WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, timeout.Token);
        var report = (await reply).Report;

        Assert.NotNull(report);
        Assert.Equal(150, report.Bytes);
        Assert.Equal(Payloads.Sha256(unended.Concat(next).ToArray()), report.Sha256);
        Assert.True(report.Frames is null or 2, $"{report.Frames} frames");
    }

    [SkippableTheory]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    public async Task FixedSendWithEndOfMessageIsDeliveredAtOnce(string peerName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var server = await Peer.Named(peerName).StartAsync();
        using var connection = await PeerConnection.ConnectAsync(server.Uri, timeout.Token);
        var bytes = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}");

        // What the WSL1004 fix writes in place of the 0.
        await connection.Socket.SendAsync(bytes, WebSocketMessageType.Text, WebSocketMessageFlags.EndOfMessage, timeout.Token);
        var reply = connection.ReadReplyAsync(timeout.Token);

        Assert.Same(reply, await Task.WhenAny(reply, Task.Delay(Patience)));
        Assert.Equal(Payloads.Sha256(bytes), (await reply).Report?.Sha256);
    }
}
