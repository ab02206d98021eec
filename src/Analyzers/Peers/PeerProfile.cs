namespace WsLimits.Analyzers.Peers;

/// <summary>Whether a peer's size limit applies to each frame or to the reassembled message.</summary>
internal enum LimitScope
{
    Frame,
    Message,
}

/// <summary>
/// What one WebSocket peer refuses by default. A null limit means none. Every entry comes from the sources listed in
/// docs/peer-facts.md; those the interop lab can run are checked against the real peer.
/// </summary>
internal sealed class PeerProfile
{
    public PeerProfile(string name, long? frameLimit, long? messageLimit, int? closeCode, string source)
    {
        Name = name;
        FrameLimit = frameLimit;
        MessageLimit = messageLimit;
        CloseCode = closeCode;
        Source = source;
    }

    /// <summary>The profile's name, as <c>wslimits.peer</c> will accept it.</summary>
    public string Name { get; }

    public long? FrameLimit { get; }

    public long? MessageLimit { get; }

    /// <summary>The WebSocket close code the peer sends when a limit is passed; null where it fails another way.</summary>
    public int? CloseCode { get; }

    public string Source { get; }

    /// <summary>Frame, when splitting a message into smaller frames gets it past the peer.</summary>
    public LimitScope Scope => FrameLimit is not null && MessageLimit is null ? LimitScope.Frame : LimitScope.Message;
}
