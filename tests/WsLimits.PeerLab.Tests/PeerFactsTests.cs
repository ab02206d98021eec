using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.PeerLab.Tests.Peers;
using Xunit;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// The facts the rules rest on, checked against each real peer: its default limit, whether it counts frames or whole
/// messages, and what it does past the limit.
/// </summary>
public sealed class PeerFactsTests
{
    [SkippableFact]
    public async Task NettyCountsFramesNotMessages()
    {
        using var netty = await Peer.Netty.StartAsync();

        var manyFrames = await SendAsync(netty, Payloads.Mebibyte, frameBytes: 65536);
        var oneFrame = await SendAsync(netty, 65537, frameBytes: 65537);

        Assert.Equal(new MessageReport(Payloads.Mebibyte, manyFrames.Sha256, Frames: 16, LargestFrame: 65536), manyFrames.Reply.Report);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, oneFrame.Reply.CloseStatus);
    }

    [SkippableFact]
    public async Task NettyFrameLimitCanBeRaised()
    {
        using var netty = await Peer.Netty.StartAsync(limit: "131072");

        var sent = await SendAsync(netty, 131072, frameBytes: 131072);

        Assert.Equal(131072, sent.Reply.Report?.Bytes);
    }

    [SkippableTheory]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    [InlineData("gorilla")]
    public async Task MessagePeersCountTheWholeMessageWhateverItsFrames(string peerName)
    {
        var peer = Peer.Named(peerName);
        using (var server = await peer.StartAsync(limit: "65536"))
        {
            var atTheLimit = await SendAsync(server, 65536, frameBytes: 16384);
            Assert.Equal(atTheLimit.Sha256, atTheLimit.Reply.Report?.Sha256);
        }

        using (var server = await peer.StartAsync(limit: "65536"))
        {
            var overTheLimit = await SendAsync(server, 65537, frameBytes: 16384);
            Assert.Null(overTheLimit.Reply.Report);
            Assert.True(overTheLimit.Reply.CloseStatus is WebSocketCloseStatus.MessageTooBig || overTheLimit.Reply.Failure is not null, overTheLimit.Reply.ToString());
        }
    }

    [SkippableFact]
    public async Task PythonWebsocketsDefaultLimitIsOneMebibyte()
    {
        using (var server = await Peer.PythonWebsockets.StartAsync())
        {
            var atTheLimit = await SendAsync(server, Payloads.Mebibyte, frameBytes: 65536);
            Assert.Equal(Payloads.Mebibyte, atTheLimit.Reply.Report?.Bytes);
        }

        using (var server = await Peer.PythonWebsockets.StartAsync())
        {
            var overTheLimit = await SendAsync(server, Payloads.Mebibyte + 1, frameBytes: 65536);
            Assert.Equal(WebSocketCloseStatus.MessageTooBig, overTheLimit.Reply.CloseStatus);
        }
    }

    [SkippableFact]
    public async Task GorillaHasNoReadLimitByDefault()
    {
        using var gorilla = await Peer.Gorilla.StartAsync();

        var large = await SendAsync(gorilla, 8 * Payloads.Mebibyte, frameBytes: Payloads.Mebibyte);

        Assert.Equal(8 * Payloads.Mebibyte, large.Reply.Report?.Bytes);
    }

    /// <summary>Sends one message of random bytes in frames of <paramref name="frameBytes"/>, one after the other, and reads the peer's reply.</summary>
    private static async Task<(string Sha256, PeerReply Reply)> SendAsync(PeerServer peer, int length, int frameBytes)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await PeerConnection.ConnectAsync(peer.Uri, timeout.Token);
        var payload = Payloads.Random(length);
        try
        {
            for (var offset = 0; offset < length; offset += frameBytes)
            {
                var count = Math.Min(frameBytes, length - offset);
                await connection.Socket.SendAsync(payload.AsMemory(offset, count), WebSocketMessageType.Binary, offset + count == length, timeout.Token);
            }
        }
        catch (WebSocketException)
        {
            // The peer may close while frames are still being sent; its reply says why.
        }

        return (Payloads.Sha256(payload), await connection.ReadReplyAsync(timeout.Token));
    }
}
