using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Peers;

namespace WsLimits.Analyzers.Options;

/// <summary>
/// The limits the rules check against, read from 'wslimits.*' keys in .editorconfig or .globalconfig.
/// A peer profile supplies frame and message limits; explicit keys override it. Values the analyzers cannot use
/// fall back to the documented default and are listed in <see cref="Problems"/>.
/// </summary>
internal sealed class LimitOptions
{
    public const string Prefix = "wslimits.";
    public const string PeerKey = "wslimits.peer";
    public const string MaxFrameBytesKey = "wslimits.max_frame_bytes";
    public const string MaxMessageBytesKey = "wslimits.max_message_bytes";
    public const string MaxReceiveMessageBytesKey = "wslimits.max_receive_message_bytes";
    public const string SignalRMaxReceiveMessageBytesKey = "wslimits.signalr.max_receive_message_bytes";
    public const string PublicCallersKey = "wslimits.public_callers";

    /// <summary>Values of <see cref="PublicCallersKey"/>: any caller can reach a public member (the default), or only those the compilation shows.</summary>
    public const string AnyPublicCallers = "any";
    public const string VisiblePublicCallers = "visible";

    /// <summary>SignalR's HubOptions.MaximumReceiveMessageSize when the application leaves it unset.</summary>
    public const int SignalRDefaultMaxReceiveMessageBytes = 32768;

    /// <summary>Netty's and Spring WebFlux's default maxFramePayloadLength, the smallest common frame limit.</summary>
    public const int DefaultMaxFrameBytes = 65536;

    /// <summary>Python websockets' default max_size: a cap that fits chat and control traffic, not bulk uploads.</summary>
    public const int DefaultMaxReceiveMessageBytes = 1048576;

    public static readonly ImmutableArray<string> KnownKeys =
        ImmutableArray.Create(PeerKey, MaxFrameBytesKey, MaxMessageBytesKey, MaxReceiveMessageBytesKey, SignalRMaxReceiveMessageBytesKey, PublicCallersKey);

    // Before Default, which uses it.
    private static readonly SendLimit SignalRDefault = new(
        SignalRDefaultMaxReceiveMessageBytes, LimitScope.Message, "a server left at SignalR's default MaximumReceiveMessageSize", isConfigured: false);

    public static readonly LimitOptions Default = new(
        new SendLimit(DefaultMaxFrameBytes, LimitScope.Frame, "the default frame limit (" + MaxFrameBytesKey + ")", isConfigured: false),
        messageLimit: null,
        configuredReceiveBytes: null,
        SignalRDefault,
        onlyVisibleCallers: null,
        ImmutableArray<string>.Empty);

    private LimitOptions(SendLimit? frameLimit, SendLimit? messageLimit, int? configuredReceiveBytes, SendLimit signalRLimit, bool? onlyVisibleCallers, ImmutableArray<string> problems)
    {
        OnlyVisibleCallers = onlyVisibleCallers;
        FrameLimit = frameLimit;
        MessageLimit = messageLimit;
        ConfiguredReceiveMessageBytes = configuredReceiveBytes;
        MaxReceiveMessageBytes = configuredReceiveBytes ?? DefaultMaxReceiveMessageBytes;
        SignalRReceiveLimit = signalRLimit;
        Problems = problems;
    }

    /// <summary>The largest frame the peer accepts; null when it limits only messages, or nothing.</summary>
    public SendLimit? FrameLimit { get; }

    /// <summary>The largest message the peer accepts; null when only frames are limited, or nothing.</summary>
    public SendLimit? MessageLimit { get; }

    /// <summary>The limit a whole message sent in one call must fit: the message limit where there is one.</summary>
    public SendLimit? TightestForWholeMessage =>
        MessageLimit is null ? FrameLimit : FrameLimit is null || MessageLimit.Bytes <= FrameLimit.Bytes ? MessageLimit : FrameLimit;

    /// <summary>
    /// The largest message a receive loop should reassemble before closing with 1009: its own key, else the contract's
    /// message limit, which both sides share, else the default.
    /// </summary>
    public int MaxReceiveMessageBytes { get; }

    /// <summary>The receive cap the configuration asks for, when it asks for one.</summary>
    public int? ConfiguredReceiveMessageBytes { get; }

    /// <summary>The largest hub message a SignalR server in the contract accepts from a client.</summary>
    public SendLimit SignalRReceiveLimit { get; }

    /// <summary>
    /// True when public members are judged by the callers the compilation shows, as an application that no other
    /// assembly calls may want; false when any caller can pass anything to a public member; null where the
    /// configuration does not say (see <see cref="Flow.WebSocketUse"/> for the default).
    /// </summary>
    public bool? OnlyVisibleCallers { get; }

    /// <summary>One sentence per unusable key or value, naming the key, the value and what is accepted.</summary>
    public ImmutableArray<string> Problems { get; }

    public static LimitOptions Parse(AnalyzerConfigOptions options)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var peer = ReadPeer(options, problems);
        var frameBytes = ReadBytes(options, MaxFrameBytesKey, problems);
        var messageBytes = ReadBytes(options, MaxMessageBytesKey, problems);
        var receiveBytes = ReadBytes(options, MaxReceiveMessageBytesKey, problems) ?? messageBytes;
        var signalRBytes = ReadBytes(options, SignalRMaxReceiveMessageBytesKey, problems);
        var onlyVisibleCallers = ReadOnlyVisibleCallers(options, problems);

        foreach (var key in KeysOf(options))
        {
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{key}' is not a WsLimits option; known options: {string.Join(", ", KnownKeys)}");
            }
        }

        if (peer is null && frameBytes is null && messageBytes is null && signalRBytes is null && receiveBytes is null && onlyVisibleCallers is null && problems.Count == 0)
        {
            return Default;
        }

        return new LimitOptions(
            Limit(frameBytes, MaxFrameBytesKey, peer?.FrameLimit, peer, LimitScope.Frame) ?? (peer is null ? Default.FrameLimit : null),
            Limit(messageBytes, MaxMessageBytesKey, peer?.MessageLimit, peer, LimitScope.Message),
            receiveBytes,
            signalRBytes is { } bytes ? new SendLimit(bytes, LimitScope.Message, SignalRMaxReceiveMessageBytesKey) : SignalRDefault,
            onlyVisibleCallers,
            problems.ToImmutable());
    }

    private static SendLimit? Limit(int? configured, string key, long? fromPeer, PeerProfile? peer, LimitScope scope)
    {
        if (configured is { } bytes)
        {
            return new SendLimit(bytes, scope, key);
        }

        return fromPeer is { } peerBytes ? new SendLimit(peerBytes, scope, $"peer profile '{peer!.Name}'") : null;
    }

    private static PeerProfile? ReadPeer(AnalyzerConfigOptions options, ImmutableArray<string>.Builder problems)
    {
        if (!options.TryGetValue(PeerKey, out var raw))
        {
            return null;
        }

        if (PeerProfiles.Named(raw.Trim()) is { } profile)
        {
            return profile;
        }

        problems.Add($"'{PeerKey} = {raw}' is not a known peer profile; known profiles: {string.Join(", ", PeerProfiles.All.Select(p => p.Name))}");
        return null;
    }

    private static bool? ReadOnlyVisibleCallers(AnalyzerConfigOptions options, ImmutableArray<string>.Builder problems)
    {
        if (!options.TryGetValue(PublicCallersKey, out var raw))
        {
            return null;
        }

        switch (raw.Trim().ToLowerInvariant())
        {
            case AnyPublicCallers:
                return false;
            case VisiblePublicCallers:
                return true;
            default:
                problems.Add($"'{PublicCallersKey} = {raw}' is neither '{AnyPublicCallers}' nor '{VisiblePublicCallers}'; using '{AnyPublicCallers}'");
                return false;
        }
    }

    private static int? ReadBytes(AnalyzerConfigOptions options, string key, ImmutableArray<string>.Builder problems)
    {
        if (!options.TryGetValue(key, out var raw))
        {
            return null;
        }

        var text = raw.Trim().Replace("_", string.Empty);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        problems.Add($"'{key} = {raw}' is not a whole number of bytes from 1 to {int.MaxValue}; {DefaultDescription(key)}");
        return null;
    }

    private static string DefaultDescription(string key) => key switch
    {
        MaxFrameBytesKey => $"using the peer profile's frame limit, or the default {DefaultMaxFrameBytes}",
        MaxMessageBytesKey => "using the peer profile's message limit, or none",
        SignalRMaxReceiveMessageBytesKey => $"using SignalR's default {SignalRDefaultMaxReceiveMessageBytes}",
        _ => $"using the default {DefaultMaxReceiveMessageBytes}",
    };

    private static IEnumerable<string> KeysOf(AnalyzerConfigOptions options)
    {
        // Hosts may supply their own AnalyzerConfigOptions without key enumeration.
        try
        {
            return options.Keys;
        }
        catch (NotImplementedException)
        {
            return Array.Empty<string>();
        }
    }
}
