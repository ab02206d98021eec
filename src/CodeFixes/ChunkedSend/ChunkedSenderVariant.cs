namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>Which SendAsync overloads the target framework has, and so which helper the fix inserts.</summary>
internal enum ChunkedSenderVariant
{
    /// <summary>.NET Framework and .NET Standard 2.0: ArraySegment only.</summary>
    ArraySegment,

    /// <summary>.NET Core 2.1 to .NET 5 and .NET Standard 2.1: ReadOnlyMemory with an endOfMessage flag.</summary>
    Memory,

    /// <summary>.NET 6 and later: ReadOnlyMemory with WebSocketMessageFlags, which carry the compression choice.</summary>
    MessageFlags,
}
