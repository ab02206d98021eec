using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Analyzers.Peers;
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

    /// <summary>
    /// With permessage-deflate, 65537 zero bytes compress to a few dozen; a peer that still refuses them under a
    /// 65536-byte limit counts the decompressed message.
    /// </summary>
    [SkippableTheory]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    public async Task CompressedMessagesCountAtTheirDecompressedSize(string peerName)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var server = await Peer.Named(peerName).StartAsync(limit: "65536 deflate");
        using var connection = await PeerConnection.ConnectAsync(server.Uri, timeout.Token, deflate: true);
        Assert.StartsWith("permessage-deflate", connection.NegotiatedExtensions, StringComparison.Ordinal);

        await connection.Socket.SendAsync(new byte[65537], WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, timeout.Token);
        var reply = await connection.ReadReplyAsync(timeout.Token);

        Assert.Null(reply.Report);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, reply.CloseStatus);
    }

    /// <summary>The analyzers' peer-profile table holds what the real peer does with its default configuration.</summary>
    [SkippableTheory]
    [InlineData("netty")]
    [InlineData("node-ws")]
    [InlineData("python-websockets")]
    [InlineData("gorilla")]
    public async Task ProfileDefaultsHoldAgainstTheRealPeer(string peerName)
    {
        var profile = PeerProfiles.Named(peerName)!;
        var peer = Peer.Named(peerName);
        if (profile.Scope == LimitScope.Frame)
        {
            var limit = (int)profile.FrameLimit!.Value;
            await AssertAcceptedAsync(peer, limit, frameBytes: limit);
            await AssertRefusedAsync(peer, profile, limit + 1, frameBytes: limit + 1);
        }
        else if (profile.MessageLimit is { } messageLimit)
        {
            await AssertAcceptedAsync(peer, (int)messageLimit, frameBytes: Payloads.Mebibyte);
            await AssertRefusedAsync(peer, profile, (int)messageLimit + 1, frameBytes: Payloads.Mebibyte);
        }
        else
        {
            await AssertAcceptedAsync(peer, 8 * Payloads.Mebibyte, frameBytes: Payloads.Mebibyte);
        }
    }

    private static async Task AssertAcceptedAsync(Peer peer, int length, int frameBytes)
    {
        using var server = await peer.StartAsync();
        var sent = await SendAsync(server, length, frameBytes);
        Assert.Equal(sent.Sha256, sent.Reply.Report?.Sha256);
    }

    private static async Task AssertRefusedAsync(Peer peer, PeerProfile profile, int length, int frameBytes)
    {
        using var server = await peer.StartAsync();
        var sent = await SendAsync(server, length, frameBytes);
        Assert.Null(sent.Reply.Report);
        Assert.Equal(profile.CloseCode, (int?)sent.Reply.CloseStatus);
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
