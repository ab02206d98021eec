using System;
using System.Globalization;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;

namespace WsLimits.Analyzers.CodeFixes.MessageSplit;

/// <summary>
/// The source of the split-message helpers (docs/chunking-protocol.md) a fix inserts once per project: a sender that
/// cuts each message into complete part messages, and a receiver that joins them under a cap. It is written in
/// C# 7.3, the language version of .NET Framework and .NET Standard 2.0 projects, so it compiles everywhere.
/// </summary>
internal static class SplitMessageTemplate
{
    public const string SenderTypeName = "WebSocketMessageSplitter";
    public const string MethodName = "SendSplitAsync";
    public const string ReassemblerTypeName = "SplitMessageReassembler";
    public const int HeaderBytes = 20;

    /// <param name="maxPartBytes">The largest part message to send, header included: the peer's per-message limit.</param>
    public static string Render(ChunkedSenderVariant variant, int maxPartBytes)
    {
        if (maxPartBytes <= HeaderBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPartBytes), maxPartBytes, "a part must have room for its header and at least one byte");
        }

        var method = variant == ChunkedSenderVariant.ArraySegment ? ArraySegmentMethod : MemoryMethod;

        return Source
            .Replace("$MaxPartBytes$", maxPartBytes.ToString(CultureInfo.InvariantCulture))
            .Replace("$Method$", method.TrimEnd('\n'));
    }

    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Net.WebSockets;
        using System.Runtime.CompilerServices;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        /// <summary>
        /// Sends each WebSocket message as parts of at most <see cref="MaxPartBytes"/> bytes (split-message protocol v1),
        /// for peers that limit the size of a whole message. The peer must reassemble them, e.g. with
        /// <see cref="SplitMessageReassembler"/>.
        /// </summary>
        internal static class WebSocketMessageSplitter
        {
            /// <summary>The largest part message to send, its 20-byte header included; keep it at or below the peer's message limit.</summary>
            public const int MaxPartBytes = $MaxPartBytes$;

            internal const int HeaderBytes = 20;
            internal const byte TextFlag = 0x01;

            private const int PartDataBytes = MaxPartBytes - HeaderBytes;

            // WebSocket allows one send at a time, and a message holds its socket's lock until its last part. The
            // protocol would let parts of concurrent messages interleave, but the receiver charges the total of every
            // incomplete message against its pending cap (4 times its message cap in the reference receivers): 32
            // interleaved 1 MiB messages would be refused with 1009 by a receiver with a 4 MiB cap. One message at a
            // time keeps at most one incomplete, which any receiver that accepts the message can hold.
            private static readonly ConditionalWeakTable<WebSocket, SemaphoreSlim> SendLocks =
                new ConditionalWeakTable<WebSocket, SemaphoreSlim>();

            // Ids only need to differ among a connection's incomplete messages; one counter for all connections does that.
            private static int _lastMessageId;

        $Method$

            // One buffer per message, reused for each part: the header, then up to PartDataBytes of data.
            private static byte[] NewPart(int length, WebSocketMessageType messageType, out int partCount)
            {
                if (messageType != WebSocketMessageType.Text && messageType != WebSocketMessageType.Binary)
                {
                    throw new ArgumentOutOfRangeException(nameof(messageType), messageType, "only text and binary messages can be split");
                }

                // An empty message is still sent, as one part without data.
                partCount = length == 0 ? 1 : (int)((length + (long)PartDataBytes - 1) / PartDataBytes);
                var part = new byte[HeaderBytes + Math.Min(length, PartDataBytes)];
                part[0] = (byte)'W';
                part[1] = (byte)'L';
                part[2] = 1;
                part[3] = messageType == WebSocketMessageType.Text ? TextFlag : (byte)0;
                WriteUInt32(part, 4, unchecked((uint)Interlocked.Increment(ref _lastMessageId)));
                WriteUInt32(part, 12, (uint)partCount);
                WriteUInt32(part, 16, (uint)length);
                return part;
            }

            private static void WriteUInt32(byte[] buffer, int offset, uint value)
            {
                buffer[offset] = (byte)(value >> 24);
                buffer[offset + 1] = (byte)(value >> 16);
                buffer[offset + 2] = (byte)(value >> 8);
                buffer[offset + 3] = (byte)value;
            }
        }

        /// <summary>A whole message put back together by <see cref="SplitMessageReassembler"/>, or the end of the connection.</summary>
        internal sealed class SplitMessage
        {
            public SplitMessage(WebSocketMessageType messageType, byte[] data)
            {
                MessageType = messageType;
                Data = data;
            }

            /// <summary>Text or Binary as the sender sent it; Close when the connection is closing and no more messages come.</summary>
            public WebSocketMessageType MessageType { get; }

            public byte[] Data { get; }
        }

        /// <summary>
        /// Receives messages sent with the split-message protocol v1 and puts them back together, holding no more than
        /// the cap for one message and four times the cap for all incomplete ones. A peer that breaks the protocol or
        /// a limit is closed with 1002, 1007 or 1009. One instance per connection; do not call ReceiveAsync concurrently.
        /// </summary>
        internal sealed class SplitMessageReassembler
        {
            private const int HeaderBytes = WebSocketMessageSplitter.HeaderBytes;
            private const byte TextFlag = WebSocketMessageSplitter.TextFlag;
            private const int FirstBufferBytes = 16 * 1024;

            private static readonly byte[] NoData = new byte[0];
            private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

            private readonly int _maxMessageBytes;
            private readonly long _maxPendingBytes;
            private readonly int _maxPartBytes;
            private readonly long _timeoutTicks;
            private readonly Dictionary<uint, PendingMessage> _pending = new Dictionary<uint, PendingMessage>();

            // Incomplete messages oldest first: they all have the same timeout, so only the front can have expired.
            private readonly LinkedList<PendingMessage> _byAge = new LinkedList<PendingMessage>();
            private readonly byte[] _probe = new byte[1];
            private long _pendingBytes;
            private byte[] _receiveBuffer;

            /// <param name="maxMessageBytes">The largest message to accept, once put back together.</param>
            /// <param name="timeout">How long an incomplete message may wait for its other parts.</param>
            public SplitMessageReassembler(int maxMessageBytes, TimeSpan timeout)
            {
                if (maxMessageBytes < 0 || maxMessageBytes > int.MaxValue - HeaderBytes)
                {
                    throw new ArgumentOutOfRangeException(nameof(maxMessageBytes));
                }

                if (timeout <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(timeout));
                }

                _maxMessageBytes = maxMessageBytes;
                _maxPendingBytes = 4L * maxMessageBytes;
                _maxPartBytes = maxMessageBytes + HeaderBytes;
                _timeoutTicks = (long)(timeout.TotalSeconds * Stopwatch.Frequency);

                // The buffer grows with the parts actually received, up to the largest part allowed.
                _receiveBuffer = new byte[Math.Min(_maxPartBytes, FirstBufferBytes)];
            }

            /// <summary>
            /// The next whole message, or a message of type Close when the peer closed (finish the close handshake as
            /// usual) or broke the protocol (the socket is then already closed with the reason).
            /// </summary>
            public async Task<SplitMessage> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
            {
                if (socket == null)
                {
                    throw new ArgumentNullException(nameof(socket));
                }

                try
                {
                    while (true)
                    {
                        var length = await ReceivePartAsync(socket, cancellationToken).ConfigureAwait(false);
                        if (length < 0)
                        {
                            ForgetAll();
                            return new SplitMessage(WebSocketMessageType.Close, NoData);
                        }

                        WebSocketMessageType messageType;
                        byte[] data;
                        if (TryAddPart(length, out messageType, out data))
                        {
                            return new SplitMessage(messageType, data);
                        }
                    }
                }
                catch (Violation violation)
                {
                    ForgetAll();
                    await socket.CloseAsync(violation.CloseStatus, violation.Message, cancellationToken).ConfigureAwait(false);
                    return new SplitMessage(WebSocketMessageType.Close, NoData);
                }
            }

            // Reads one WebSocket message into the receive buffer and returns its length, or -1 when the peer closed.
            private async Task<int> ReceivePartAsync(WebSocket socket, CancellationToken cancellationToken)
            {
                var length = 0;
                while (true)
                {
                    if (length == _receiveBuffer.Length && length < _maxPartBytes)
                    {
                        Array.Resize(ref _receiveBuffer, (int)Math.Min(_maxPartBytes, 2L * length));
                    }

                    // With the buffer full at the limit, a one-byte read tells whether the message goes on; that byte
                    // is never kept, so no more than the largest part allowed is ever buffered.
                    var full = length == _receiveBuffer.Length;
                    var segment = full
                        ? new ArraySegment<byte>(_probe)
                        : new ArraySegment<byte>(_receiveBuffer, length, _receiveBuffer.Length - length);
                    var result = await socket.ReceiveAsync(segment, cancellationToken).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return -1;
                    }

                    if (result.MessageType != WebSocketMessageType.Binary)
                    {
                        throw new Violation(WebSocketCloseStatus.ProtocolError, "text message in place of a binary part");
                    }

                    if (full && result.Count > 0)
                    {
                        throw new Violation(WebSocketCloseStatus.MessageTooBig, "part message over " + _maxPartBytes + " bytes");
                    }

                    length += result.Count;
                    if (result.EndOfMessage)
                    {
                        return length;
                    }
                }
            }

            // Checks the part in the receive buffer in the order of the reference receivers, and keeps its data.
            // Returns true with the whole message when the part completes one.
            private bool TryAddPart(int length, out WebSocketMessageType messageType, out byte[] data)
            {
                messageType = WebSocketMessageType.Binary;
                data = NoData;
                DiscardExpired();

                var part = _receiveBuffer;
                if (length < HeaderBytes)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "part shorter than the 20-byte header");
                }

                if (part[0] != (byte)'W' || part[1] != (byte)'L')
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "wrong magic");
                }

                if (part[2] != 1)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "unsupported version");
                }

                var flags = part[3];
                if ((flags & ~TextFlag) != 0)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "reserved flag bits set");
                }

                var id = ReadUInt32(part, 4);
                var index = ReadUInt32(part, 8);
                var count = ReadUInt32(part, 12);
                var total = ReadUInt32(part, 16);

                // Every part but an empty message's carries data: more parts than bytes would only keep us busy.
                if (count == 0 || count > Math.Max(1u, total))
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "part count 0 or above the total length");
                }

                if (index >= count)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "part index >= count");
                }

                if (total > _maxMessageBytes)
                {
                    throw new Violation(WebSocketCloseStatus.MessageTooBig, "message of " + total + " bytes over the cap of " + _maxMessageBytes);
                }

                var dataLength = length - HeaderBytes;
                PendingMessage message;
                if (_pending.TryGetValue(id, out var earlier))
                {
                    if (earlier.Flags != flags || earlier.Count != count || earlier.Total != total)
                    {
                        throw new Violation(WebSocketCloseStatus.ProtocolError, "part " + index + " of message " + id + " disagrees with earlier parts");
                    }

                    if (earlier.Parts.ContainsKey(index))
                    {
                        throw new Violation(WebSocketCloseStatus.ProtocolError, "duplicate part " + index + " of message " + id);
                    }

                    message = earlier;
                }
                else if (count == 1)
                {
                    // A part that completes its message is never pending: it is the whole message.
                    if (dataLength > total)
                    {
                        throw new Violation(WebSocketCloseStatus.ProtocolError, "message " + id + " has data beyond its total");
                    }

                    if (dataLength != total)
                    {
                        throw new Violation(WebSocketCloseStatus.ProtocolError, "message " + id + " is shorter than its total");
                    }

                    data = Copy(part, HeaderBytes, dataLength);
                    messageType = Checked(flags, id, data);
                    return true;
                }
                else
                {
                    // Totals are charged up front, so the pending cap bounds what the parts still to come can add.
                    if (_pendingBytes + total > _maxPendingBytes)
                    {
                        throw new Violation(WebSocketCloseStatus.MessageTooBig, "incomplete messages over " + _maxPendingBytes + " bytes");
                    }

                    message = new PendingMessage(id, flags, count, total, Stopwatch.GetTimestamp());
                    _pending.Add(id, message);
                    _byAge.AddLast(message.AgeNode);
                    _pendingBytes += total;
                }

                if (message.Bytes + dataLength > total)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "message " + id + " has data beyond its total");
                }

                message.Parts.Add(index, Copy(part, HeaderBytes, dataLength));
                message.Bytes += dataLength;
                if (message.Parts.Count < count)
                {
                    return false;
                }

                Forget(message);
                if (message.Bytes != total)
                {
                    throw new Violation(WebSocketCloseStatus.ProtocolError, "message " + id + " is shorter than its total");
                }

                data = Join(message);
                messageType = Checked(flags, id, data);
                return true;
            }

            // Parts may arrive in any order, so they are kept apart until the last one and then joined in index order.
            private static byte[] Join(PendingMessage message)
            {
                var whole = new byte[message.Total];
                var offset = 0;
                for (uint index = 0; index < message.Count; index++)
                {
                    var data = message.Parts[index];
                    Buffer.BlockCopy(data, 0, whole, offset, data.Length);
                    offset += data.Length;
                }

                return whole;
            }

            // Text is checked whole: the sender cuts at byte offsets, so a character may straddle two parts.
            private static WebSocketMessageType Checked(byte flags, uint id, byte[] data)
            {
                if ((flags & TextFlag) == 0)
                {
                    return WebSocketMessageType.Binary;
                }

                try
                {
                    StrictUtf8.GetCharCount(data);
                }
                catch (DecoderFallbackException)
                {
                    throw new Violation(WebSocketCloseStatus.InvalidPayloadData, "message " + id + " is not UTF-8");
                }

                return WebSocketMessageType.Text;
            }

            // Timed-out messages stop counting against the pending cap; a late part of one starts a new message.
            private void DiscardExpired()
            {
                var now = Stopwatch.GetTimestamp();
                var oldest = _byAge.First;
                while (oldest != null && now - oldest.Value.StartedAt >= _timeoutTicks)
                {
                    Forget(oldest.Value);
                    oldest = _byAge.First;
                }
            }

            private void Forget(PendingMessage message)
            {
                if (message.AgeNode.List != null)
                {
                    _pending.Remove(message.Id);
                    _byAge.Remove(message.AgeNode);
                    _pendingBytes -= message.Total;
                }
            }

            private void ForgetAll()
            {
                _pending.Clear();
                _byAge.Clear();
                _pendingBytes = 0;
            }

            private static byte[] Copy(byte[] source, int offset, int count)
            {
                var copy = new byte[count];
                Buffer.BlockCopy(source, offset, copy, 0, count);
                return copy;
            }

            private static uint ReadUInt32(byte[] buffer, int offset)
            {
                return (uint)buffer[offset] << 24 | (uint)buffer[offset + 1] << 16 | (uint)buffer[offset + 2] << 8 | buffer[offset + 3];
            }

            private sealed class PendingMessage
            {
                public PendingMessage(uint id, byte flags, uint count, uint total, long startedAt)
                {
                    Id = id;
                    Flags = flags;
                    Count = count;
                    Total = total;
                    StartedAt = startedAt;
                    Parts = new Dictionary<uint, byte[]>();
                    AgeNode = new LinkedListNode<PendingMessage>(this);
                }

                public uint Id { get; }

                public byte Flags { get; }

                public uint Count { get; }

                public uint Total { get; }

                public long StartedAt { get; }

                public Dictionary<uint, byte[]> Parts { get; }

                public LinkedListNode<PendingMessage> AgeNode { get; }

                public long Bytes { get; set; }
            }

            private sealed class Violation : Exception
            {
                public Violation(WebSocketCloseStatus closeStatus, string reason)
                    : base(reason)
                {
                    CloseStatus = closeStatus;
                }

                public WebSocketCloseStatus CloseStatus { get; }
            }
        }

        """;

    private const string MemoryMethod = """
            public static async Task SendSplitAsync(this WebSocket socket, ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                int partCount;
                var part = NewPart(payload.Length, messageType, out partCount);
                var sendLock = SendLocks.GetValue(socket, _ => new SemaphoreSlim(1, 1));
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    for (var index = 0; index < partCount; index++)
                    {
                        var data = payload.Slice(index * PartDataBytes, Math.Min(payload.Length - index * PartDataBytes, PartDataBytes));
                        WriteUInt32(part, 8, (uint)index);
                        data.CopyTo(new Memory<byte>(part, HeaderBytes, data.Length));
                        await socket.SendAsync(new ReadOnlyMemory<byte>(part, 0, HeaderBytes + data.Length), WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    sendLock.Release();
                }
            }

        """;

    private const string ArraySegmentMethod = """
            public static async Task SendSplitAsync(this WebSocket socket, ArraySegment<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken)
            {
                int partCount;
                var part = NewPart(payload.Count, messageType, out partCount);
                var source = payload.Array ?? new byte[0];
                var sendLock = SendLocks.GetValue(socket, _ => new SemaphoreSlim(1, 1));
                await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    for (var index = 0; index < partCount; index++)
                    {
                        var dataLength = Math.Min(payload.Count - index * PartDataBytes, PartDataBytes);
                        WriteUInt32(part, 8, (uint)index);
                        Buffer.BlockCopy(source, payload.Offset + index * PartDataBytes, part, HeaderBytes, dataLength);
                        await socket.SendAsync(new ArraySegment<byte>(part, 0, HeaderBytes + dataLength), WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    sendLock.Release();
                }
            }

        """;
}
