using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace WsLimits.Interop.Tests.Wire;

/// <summary>Groups recorded data frames into messages, asserting each is well formed on the wire.</summary>
internal static class WireMessages
{
    /// <summary>
    /// Each message must be one <paramref name="opcode"/> frame followed by continuations, with FIN on its last frame only;
    /// any other order means two messages were interleaved. Returns the frames of each message.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<RecordedFrame>> Split(IReadOnlyList<RecordedFrame> dataFrames, FrameOpcode opcode)
    {
        var messages = new List<IReadOnlyList<RecordedFrame>>();
        var current = new List<RecordedFrame>();
        foreach (var frame in dataFrames)
        {
            Assert.True(frame.Masked, $"Client frame {frame} is not masked.");
            Assert.Equal(current.Count == 0 ? opcode : FrameOpcode.Continuation, frame.Opcode);
            current.Add(frame);
            if (frame.Fin)
            {
                messages.Add(current);
                current = new List<RecordedFrame>();
            }
        }

        Assert.True(current.Count == 0, $"The last message has no final frame: {string.Join(", ", current)}.");
        return messages;
    }

    public static long PayloadLength(IReadOnlyList<RecordedFrame> message) => message.Sum(frame => frame.PayloadLength);
}
