using System;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Interop.Tests.Client;
using WsLimits.Interop.Tests.Helper;
using WsLimits.Interop.Tests.Server;
using WsLimits.Interop.Tests.Wire;
using Xunit;

namespace WsLimits.Interop.Tests;

/// <summary>The helper the WSL1001 fix inserts, compiled from its template and run against Kestrel.</summary>
public sealed class ChunkedSenderWireTests(DigestingWebSocketServer server) : IClassFixture<DigestingWebSocketServer>
{
    private const int MaxFrameBytes = CompiledChunkedSender.MaxFrameBytes;

    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    public async Task HelperNeverWritesAFrameOverTheLimit(string variant)
    {
        var sendChunked = CompiledChunkedSender.For(variant);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RelayedWebSocketClient.ConnectAsync(server, timeout.Token);
        var message = RandomNumberGenerator.GetBytes(1024 * 1024 + 123);

        await sendChunked(client.Socket, message, timeout.Token);

        Assert.Equal([MessageDigest.Of(message)], await client.ReceiveDigestsAsync(1, timeout.Token));
        var frames = Assert.Single(WireMessages.Split(client.DataFrames, FrameOpcode.Binary));
        Assert.All(frames, frame => Assert.InRange(frame.PayloadLength, 0, MaxFrameBytes));
        Assert.Equal(message.Length, WireMessages.PayloadLength(frames));
        Assert.Equal(17, frames.Count);
        Assert.Equal(123, frames[^1].PayloadLength);
    }

    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    public async Task HelperSendsEmptyPayloadAsOneFinalFrame(string variant)
    {
        var sendChunked = CompiledChunkedSender.For(variant);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RelayedWebSocketClient.ConnectAsync(server, timeout.Token);

        await sendChunked(client.Socket, [], timeout.Token);

        Assert.Equal([MessageDigest.Of([])], await client.ReceiveDigestsAsync(1, timeout.Token));
        Assert.Equal([new RecordedFrame(FrameOpcode.Binary, Fin: true, Masked: true, 0)], client.DataFrames);
    }

    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    public async Task EightConcurrentSendersDeliverEveryMessageIntact(string variant)
    {
        const int Senders = 8;
        const int MessagesPerSender = 3;
        const int MessageBytes = 1024 * 1024;
        var sendChunked = CompiledChunkedSender.For(variant);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RelayedWebSocketClient.ConnectAsync(server, timeout.Token);
        var messages = Enumerable.Range(0, Senders)
            .Select(_ => Enumerable.Range(0, MessagesPerSender).Select(_ => RandomNumberGenerator.GetBytes(MessageBytes)).ToArray())
            .ToArray();

        await Task.WhenAll(messages.Select(senderMessages => Task.Run(async () =>
        {
            foreach (var message in senderMessages)
            {
                await sendChunked(client.Socket, message, timeout.Token);
            }
        })));

        var received = await client.ReceiveDigestsAsync(Senders * MessagesPerSender, timeout.Token);
        var sent = messages.SelectMany(senderMessages => senderMessages).Select(message => MessageDigest.Of(message));
        Assert.Equal(sent.OrderBy(digest => digest.Sha256Hex), received.OrderBy(digest => digest.Sha256Hex));
        var wireMessages = WireMessages.Split(client.DataFrames, FrameOpcode.Binary);
        Assert.Equal(Senders * MessagesPerSender, wireMessages.Count);
        Assert.All(wireMessages, frames =>
        {
            Assert.Equal(MessageBytes, WireMessages.PayloadLength(frames));
            Assert.All(frames, frame => Assert.InRange(frame.PayloadLength, 0, MaxFrameBytes));
        });
    }
}
