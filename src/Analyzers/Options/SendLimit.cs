using System.Globalization;
using WsLimits.Analyzers.Peers;

namespace WsLimits.Analyzers.Options;

/// <summary>A limit the peer puts on what this side sends, and where the analyzers learned it, for messages.</summary>
internal sealed class SendLimit
{
    public SendLimit(long bytes, LimitScope scope, string source, bool isConfigured = true)
    {
        Bytes = bytes;
        Scope = scope;
        Source = source;
        IsConfigured = isConfigured;
    }

    /// <summary>False for the built-in default, which is a guess at the peer rather than something the user said.</summary>
    public bool IsConfigured { get; }

    public long Bytes { get; }

    public LimitScope Scope { get; }

    /// <summary>Where the limit comes from, as a diagnostic says it: a key, a peer profile, or the default.</summary>
    public string Source { get; }

    /// <summary>"peer profile 'netty' allows frames of at most 65536 bytes", for diagnostic messages.</summary>
    public string Describe() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} allows {1} of at most {2} bytes",
        Source,
        Scope == LimitScope.Frame ? "frames" : "messages",
        Bytes);
}
