using System.Linq;
using Xunit;

namespace WsLimits.Interop.Tests.Wire;

/// <summary>The live tests cannot choose where TCP splits the stream, so this feeds the recorder every split.</summary>
public sealed class WebSocketFrameRecorderTests
{
    [Fact]
    public void RecorderReadsFrameHeadersSplitAcrossReads()
    {
        byte[] stream =
        [
            .. "GET /digest HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8,
            .. MaskedFrame(0x02, 5), // 7-bit length, no FIN
            .. MaskedFrame(0x00, 300), // 16-bit length
            .. MaskedFrame(0x80, 70000), // 64-bit length, FIN
            .. MaskedFrame(0x88, 0), // close, empty
        ];
        RecordedFrame[] expected =
        [
            new(FrameOpcode.Binary, Fin: false, Masked: true, 5),
            new(FrameOpcode.Continuation, Fin: false, Masked: true, 300),
            new(FrameOpcode.Continuation, Fin: true, Masked: true, 70000),
            new(FrameOpcode.Close, Fin: true, Masked: true, 0),
        ];

        var inOneRead = new WebSocketFrameRecorder();
        inOneRead.Observe(stream);
        var oneByteAtATime = new WebSocketFrameRecorder();
        foreach (var value in stream)
        {
            oneByteAtATime.Observe([value]);
        }

        Assert.Equal(expected, inOneRead.Snapshot());
        Assert.Equal(expected, oneByteAtATime.Snapshot());
    }

    private static byte[] MaskedFrame(byte finAndOpcode, int payloadLength)
    {
        byte[] length = payloadLength switch
        {
            < 126 => [(byte)(0x80 | payloadLength)],
            <= ushort.MaxValue => [0x80 | 126, (byte)(payloadLength >> 8), (byte)payloadLength],
            _ => [0x80 | 127, 0, 0, 0, 0, (byte)(payloadLength >> 24), (byte)(payloadLength >> 16), (byte)(payloadLength >> 8), (byte)payloadLength],
        };

        // Payload bytes that look like headers must be skipped, not parsed.
        return [finAndOpcode, .. length, 0x0D, 0x0A, 0x0D, 0x0A, .. Enumerable.Repeat((byte)0x82, payloadLength)];
    }
}
