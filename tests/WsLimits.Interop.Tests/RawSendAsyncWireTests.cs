using System;
using System.Linq;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Interop.Tests.Client;
using WsLimits.Interop.Tests.Server;
using WsLimits.Interop.Tests.Wire;
using Xunit;

namespace WsLimits.Interop.Tests;

/// <summary>What plain <see cref="WebSocket.SendAsync(ReadOnlyMemory{byte}, WebSocketMessageType, bool, CancellationToken)"/> puts on the wire.</summary>
public sealed class RawSendAsyncWireTests(DigestingWebSocketServer server) : IClassFixture<DigestingWebSocketServer>
{
    [Fact]
    public async Task OneSendAsyncCallIsOneFrame()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RelayedWebSocketClient.ConnectAsync(server, timeout.Token);
        var message = RandomNumberGenerator.GetBytes(1024 * 1024);

        await client.Socket.SendAsync(message.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, timeout.Token);

        Assert.Equal([MessageDigest.Of(message)], await client.ReceiveDigestsAsync(1, timeout.Token));
        Assert.Equal([new RecordedFrame(FrameOpcode.Binary, Fin: true, Masked: true, 1048576)], client.DataFrames);
    }

    /// <summary>
    /// Why the helper takes a lock: .NET writes any send after a frame without end-of-message as a continuation,
    /// whichever caller made it, so chunked senders that do not hold the socket for a whole message splice their messages.
    /// </summary>
    [Fact]
    public async Task UnlockedChunkingMergesConcurrentMessages()
    {
        const int Senders = 8;
        const int ChunksPerMessage = 4;
        const int ChunkBytes = 1024;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = await RelayedWebSocketClient.ConnectAsync(server, timeout.Token);
        var messages = Enumerable.Range(0, Senders).Select(_ => RandomNumberGenerator.GetBytes(ChunksPerMessage * ChunkBytes)).ToArray();

        // The senders take turns chunk by chunk, round robin: the interleaving a race would produce, made repeatable.
        // Truly simultaneous calls could also race on the socket's "last send was a fragment" field, which is unsynchronized.
        var turns = Enumerable.Range(0, (Senders * ChunksPerMessage) + 1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        turns[0].SetResult();
        await Task.WhenAll(messages.Select((message, sender) => Task.Run(async () =>
        {
            for (var chunk = 0; chunk < ChunksPerMessage; chunk++)
            {
                var turn = (chunk * Senders) + sender;
                await turns[turn].Task.WaitAsync(timeout.Token);
                var endOfMessage = chunk == ChunksPerMessage - 1;
                await client.Socket.SendAsync(message.AsMemory(chunk * ChunkBytes, ChunkBytes), WebSocketMessageType.Binary, endOfMessage, timeout.Token);
                turns[turn + 1].SetResult();
            }
        })));

        // The first final chunk closes one message holding 25 chunks of eight senders; each later final chunk is a message alone.
        var received = await client.ReceiveDigestsAsync(Senders, timeout.Token);
        var sent = messages.Select(message => MessageDigest.Of(message)).ToHashSet();
        Assert.All(received, digest => Assert.DoesNotContain(digest, sent));
        Assert.Equal([(3 * Senders) + 1, 1, 1, 1, 1, 1, 1, 1], received.Select(digest => digest.Length / ChunkBytes));

        // The wire itself is valid: the damage is in which bytes form a message, which no frame check can see.
        var wireMessages = WireMessages.Split(client.DataFrames, FrameOpcode.Binary);
        Assert.Equal(Senders, wireMessages.Count);
        Assert.All(client.DataFrames, frame => Assert.Equal(ChunkBytes, frame.PayloadLength));
    }
}
