using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace WsLimits.Interop.Tests.Wire;

/// <summary>
/// Follows a client-to-server byte stream: skips the HTTP upgrade request, then reads every RFC 6455
/// frame header and skips its payload. Bytes may arrive in any split, so all state survives between calls.
/// </summary>
internal sealed class WebSocketFrameRecorder
{
    private const uint EndOfHttpHeaders = 0x0D0A0D0A; // "\r\n\r\n"
    private const int MaxHeaderBytes = 2 + 8 + 4;

    private readonly List<RecordedFrame> frames = new();
    private readonly byte[] header = new byte[MaxHeaderBytes];
    private uint lastFourBytes;
    private bool upgraded;
    private int headerLength;
    private long payloadLeft;

    /// <summary>The frames seen so far; safe to call while the relay is still recording.</summary>
    public IReadOnlyList<RecordedFrame> Snapshot()
    {
        lock (frames)
        {
            return frames.ToArray();
        }
    }

    /// <summary>Called by the one pump that carries client bytes, so only the list needs a lock.</summary>
    public void Observe(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            if (!upgraded)
            {
                lastFourBytes = (lastFourBytes << 8) | bytes[0];
                upgraded = lastFourBytes == EndOfHttpHeaders;
                bytes = bytes[1..];
            }
            else if (payloadLeft > 0)
            {
                var skipped = (int)Math.Min(payloadLeft, bytes.Length);
                payloadLeft -= skipped;
                bytes = bytes[skipped..];
            }
            else
            {
                header[headerLength++] = bytes[0];
                bytes = bytes[1..];
                RecordIfHeaderComplete();
            }
        }
    }

    private void RecordIfHeaderComplete()
    {
        if (headerLength < 2)
        {
            return;
        }

        var masked = (header[1] & 0x80) != 0;
        var lengthCode = header[1] & 0x7F;
        var extendedLengthBytes = lengthCode switch { 126 => 2, 127 => 8, _ => 0 };
        if (headerLength < 2 + extendedLengthBytes + (masked ? 4 : 0))
        {
            return;
        }

        // The 4-byte mask key follows the length; the payload stays masked and is forwarded untouched.
        long payloadLength = lengthCode switch
        {
            126 => BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)),
            127 => checked((long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(2))),
            _ => lengthCode,
        };

        var frame = new RecordedFrame((FrameOpcode)(header[0] & 0x0F), Fin: (header[0] & 0x80) != 0, masked, payloadLength);
        lock (frames)
        {
            frames.Add(frame);
        }

        payloadLeft = payloadLength;
        headerLength = 0;
    }
}
