namespace WsLimits.Interop.Tests.Wire;

/// <summary>One frame header as the client wrote it on the wire.</summary>
internal readonly record struct RecordedFrame(FrameOpcode Opcode, bool Fin, bool Masked, long PayloadLength)
{
    public bool IsControl => (int)Opcode >= 0x8;
}
