using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsLimits.PeerLab.Tests.Fixes;
using WsLimits.PeerLab.Tests.Kestrel;
using WsLimits.PeerLab.Tests.Peers;
using Xunit;
using Xunit.Abstractions;

namespace WsLimits.PeerLab.Tests;

/// <summary>
/// The split-message helpers the WSL1001 fix inserts for a per-message peer (docs/chunking-protocol.md): 32 concurrent 1 MiB messages sent as
/// 64 KiB parts reach peers that refuse anything over 64 KiB per message, through the reference receivers on Node ws
/// and Python websockets and through the inserted reassembler itself, which also enforces its cap.
/// </summary>
public sealed class SplitMessageTests
{
    private const int Senders = 32;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public SplitMessageTests(ITestOutputHelper output) => _output = output;

    [SkippableFact]
    public async Task SplitMessagesRoundTripThroughTheReassemblerWith32ConcurrentSenders()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var payloads = RandomMessages();
        var received = new TaskCompletionSource<List<(WebSocketMessageType MessageType, byte[] Data)>>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await KestrelHost.StartAsync(async socket =>
        {
            try
            {
                var reassembler = new SplitMessaging.Reassembler(4 * Payloads.Mebibyte, TimeSpan.FromSeconds(30));
                var messages = new List<(WebSocketMessageType MessageType, byte[] Data)>();
                while (true)
                {
                    var message = await reassembler.ReceiveAsync(socket, timeout.Token);
                    if (message.MessageType == WebSocketMessageType.Close)
                    {
                        received.TrySetResult(messages);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                        }

                        return;
                    }

                    messages.Add(message);
                    if (messages.Count == Senders)
                    {
                        received.TrySetResult(messages);
                    }
                }
            }
            catch (Exception exception)
            {
                received.TrySetException(exception);
            }
        });
        using var client = new ClientWebSocket();
        await client.ConnectAsync(host.Uri, timeout.Token);

        // The client reads too, so that a close from the reassembler ends the test at once.
        var clientClose = client.ReceiveAsync(new ArraySegment<byte>(new byte[256]), timeout.Token);
        await Task.WhenAll(payloads.Select(payload => Task.Run(() => SplitMessaging.SendSplitAsync(client, payload.Data, payload.MessageType, timeout.Token))));
        if (await Task.WhenAny(received.Task, clientClose).WaitAsync(timeout.Token) == clientClose)
        {
            var early = await clientClose;
            Assert.Fail($"the reassembler closed: {(int?)early.CloseStatus} '{early.CloseStatusDescription}'");
        }

        var messages = await received.Task;
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, (await clientClose.WaitAsync(timeout.Token)).MessageType);

        Assert.Equal(Digests(payloads), Digests(messages));
    }

    [SkippableFact]
    public Task NodeWsReassemblesSplitMessagesFrom32ConcurrentSenders() => ReassembleAtPeerAsync(Peer.NodeWsSplit);

    [SkippableFact]
    public Task PythonWebsocketsReassemblesSplitMessagesFrom32ConcurrentSenders() => ReassembleAtPeerAsync(Peer.PythonWebsocketsSplit);

    [SkippableFact]
    public async Task WithoutSplittingNodeWsRefusesTheMebibyteWith1009()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var peer = await Peer.NodeWsSplit.StartAsync($"{SplitMessaging.MaxPartBytes} {4 * Payloads.Mebibyte}");
        using var connection = await PeerConnection.ConnectAsync(peer.Uri, timeout.Token);

        try
        {
            await connection.Socket.SendAsync(Payloads.Random(Payloads.Mebibyte), WebSocketMessageType.Binary, true, timeout.Token);
        }
        catch (WebSocketException)
        {
            // The peer may close while the message is still being sent.
        }

        var reply = await connection.ReadReplyAsync(timeout.Token);
        _output.WriteLine(reply.ToString());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, reply.CloseStatus);
    }

    [SkippableFact]
    public async Task TheReassemblerClosesWith1009WhenATotalIsOverItsCap()
    {
        var (received, close) = await RunReassemblerAsync(Payloads.Mebibyte, async (client, cancellationToken) =>
        {
            try
            {
                await SplitMessaging.SendSplitAsync(client, Payloads.Random(2 * Payloads.Mebibyte), WebSocketMessageType.Binary, cancellationToken);
            }
            catch (WebSocketException)
            {
                // The receiver may close while parts are still being sent.
            }
        });

        Assert.Equal(WebSocketMessageType.Close, received);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, close.CloseStatus);
        Assert.Equal($"message of {2 * Payloads.Mebibyte} bytes over the cap of {Payloads.Mebibyte}", close.CloseStatusDescription);
    }

    /// <summary>Hand-made parts that break the protocol: the reassembler closes with the status the spec names.</summary>
    [SkippableTheory]
    [InlineData("text message", WebSocketCloseStatus.ProtocolError, "text message in place of a binary part")]
    [InlineData("reserved flag", WebSocketCloseStatus.ProtocolError, "reserved flag bits set")]
    [InlineData("duplicate part", WebSocketCloseStatus.ProtocolError, "duplicate part 0 of message 7")]
    [InlineData("text not UTF-8", WebSocketCloseStatus.InvalidPayloadData, "message 7 is not UTF-8")]
    [InlineData("part over the cap", WebSocketCloseStatus.MessageTooBig, "part message over 1044 bytes")]
    public async Task TheReassemblerClosesOnAPartThatBreaksTheProtocol(string violation, WebSocketCloseStatus status, string reason)
    {
        static byte[] Part(byte flags, uint index, uint count, uint total, byte[] data)
        {
            var part = new byte[20 + data.Length];
            new byte[] { (byte)'W', (byte)'L', 1, flags }.CopyTo(part, 0);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(part.AsSpan(4), 7);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(part.AsSpan(8), index);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(part.AsSpan(12), count);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(part.AsSpan(16), total);
            data.CopyTo(part, 20);
            return part;
        }

        // "é" (C3 A9) cut between two parts is fine; a lone continuation byte is not.
        var messages = violation switch
        {
            "text message" => new[] { (WebSocketMessageType.Text, Encoding.UTF8.GetBytes("hello")) },
            "reserved flag" => new[] { (WebSocketMessageType.Binary, Part(0x02, 0, 1, 1, new byte[1])) },
            "duplicate part" => new[] { (WebSocketMessageType.Binary, Part(0, 0, 2, 2, new byte[1])), (WebSocketMessageType.Binary, Part(0, 0, 2, 2, new byte[1])) },
            "text not UTF-8" => new[] { (WebSocketMessageType.Binary, Part(1, 1, 2, 3, new byte[] { 0xA9, 0xA9 })), (WebSocketMessageType.Binary, Part(1, 0, 2, 3, new byte[] { 0xC3 })) },
            _ => new[] { (WebSocketMessageType.Binary, Part(0, 0, 1, 1025, new byte[1025])) },
        };
        var (received, close) = await RunReassemblerAsync(1024, async (client, cancellationToken) =>
        {
            foreach (var (messageType, bytes) in messages)
            {
                await client.SendAsync(bytes, messageType, true, cancellationToken);
            }
        });

        Assert.Equal(WebSocketMessageType.Close, received);
        Assert.Equal(status, close.CloseStatus);
        Assert.Equal(reason, close.CloseStatusDescription);
    }

    /// <summary>
    /// A Kestrel endpoint that takes one message from a SplitMessageReassembler(<paramref name="cap"/>, 30 s), and a
    /// client that sends with <paramref name="send"/>: what the endpoint got, and the close the client saw.
    /// </summary>
    private async Task<(WebSocketMessageType Received, WebSocketReceiveResult Close)> RunReassemblerAsync(int cap, Func<ClientWebSocket, CancellationToken, Task> send)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var received = new TaskCompletionSource<WebSocketMessageType>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await KestrelHost.StartAsync(async socket =>
        {
            try
            {
                var message = await new SplitMessaging.Reassembler(cap, TimeSpan.FromSeconds(30)).ReceiveAsync(socket, timeout.Token);
                received.TrySetResult(message.MessageType);
            }
            catch (Exception exception)
            {
                received.TrySetException(exception);
            }
        });
        using var client = new ClientWebSocket();
        await client.ConnectAsync(host.Uri, timeout.Token);

        var sending = Task.Run(() => send(client, timeout.Token));
        var close = await client.ReceiveAsync(new ArraySegment<byte>(new byte[256]), timeout.Token);
        await sending;

        // The reassembler's CloseAsync waits for this answer.
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        _output.WriteLine($"{close.MessageType} {(int?)close.CloseStatus} '{close.CloseStatusDescription}'");
        Assert.Equal(WebSocketMessageType.Close, close.MessageType);
        return (await received.Task.WaitAsync(timeout.Token), close);
    }

    /// <summary>32 concurrent 1 MiB messages through SendSplitAsync to a reference receiver limited to 64 KiB messages.</summary>
    private async Task ReassembleAtPeerAsync(Peer splitPeer)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var peer = await splitPeer.StartAsync($"{SplitMessaging.MaxPartBytes} {4 * Payloads.Mebibyte}");
        using var connection = await PeerConnection.ConnectAsync(peer.Uri, timeout.Token);
        var payloads = RandomMessages();

        var sends = Task.WhenAll(payloads.Select(payload => Task.Run(() => SplitMessaging.SendSplitAsync(connection.Socket, payload.Data, payload.MessageType, timeout.Token))));
        var replies = new List<SplitReport>();
        for (var reply = 0; reply < Senders; reply++)
        {
            replies.Add(await ReadSplitReportAsync(connection.Socket, timeout.Token));
        }

        await sends;
        _output.WriteLine($"{splitPeer.Name}: {replies.Count} reports, ids {string.Join(' ', replies.Select(report => report.Id))}");
        Assert.All(replies, report => Assert.Equal(Payloads.Mebibyte, report.Bytes));
        Assert.Equal(Senders, replies.Select(report => report.Id).Distinct().Count());
        Assert.Equal(
            Digests(payloads),
            replies.Select(report => (report.Text ? WebSocketMessageType.Text : WebSocketMessageType.Binary, report.Sha256)).OrderBy(digest => digest.Sha256, StringComparer.Ordinal));
    }

    /// <summary>32 distinct 1 MiB messages: even ones random binary, odd ones random UTF-8 text.</summary>
    private static (WebSocketMessageType MessageType, byte[] Data)[] RandomMessages() => Enumerable.Range(0, Senders)
        .Select(sender => sender % 2 == 0
            ? (WebSocketMessageType.Binary, Payloads.Random(Payloads.Mebibyte))
            : (WebSocketMessageType.Text, RandomText(Payloads.Mebibyte)))
        .ToArray();

    /// <summary>
    /// Valid UTF-8 of exactly <paramref name="length"/> bytes, mixing one- to four-byte characters so that part
    /// boundaries fall inside characters.
    /// </summary>
    private static byte[] RandomText(int length)
    {
        var text = new StringBuilder();
        var bytes = 0;
        while (bytes < length)
        {
            var room = length - bytes;
            var rune = (System.Random.Shared.Next(4), room) switch
            {
                (3, >= 4) => new Rune(System.Random.Shared.Next(0x10000, 0x110000)),
                (2, >= 3) => new Rune(System.Random.Shared.Next(0x800, 0xD800)),
                (1, >= 2) => new Rune(System.Random.Shared.Next(0x80, 0x800)),
                _ => new Rune(System.Random.Shared.Next(0x20, 0x7F)),
            };
            text.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }

        return new UTF8Encoding(false, true).GetBytes(text.ToString());
    }

    private static IEnumerable<(WebSocketMessageType MessageType, string Sha256)> Digests(IEnumerable<(WebSocketMessageType MessageType, byte[] Data)> messages) =>
        messages.Select(message => (message.MessageType, Payloads.Sha256(message.Data))).OrderBy(digest => digest.Item2, StringComparer.Ordinal).ToArray();

    /// <summary>A reference receiver's report, {"id":N,"bytes":N,"sha256":"hex","text":bool}; a close fails the test.</summary>
    private static async Task<SplitReport> ReadSplitReportAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage && length < buffer.Length);

        Assert.True(result.MessageType == WebSocketMessageType.Text, $"expected a report, got {result.MessageType} {(int?)result.CloseStatus} '{result.CloseStatusDescription}'");
        return JsonSerializer.Deserialize<SplitReport>(buffer.AsSpan(0, length), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record SplitReport(long Id, long Bytes, string Sha256, bool Text);
}
