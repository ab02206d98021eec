namespace WsLimits.Interop.Tests.Wire;

/// <summary>RFC 6455 section 5.2 opcodes; 0x8 and above are control frames.</summary>
internal enum FrameOpcode
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
}
