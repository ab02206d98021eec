using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Analyzers.Options;

/// <summary>
/// The limits the rules check against, read from 'wslimits.*' keys in .editorconfig or .globalconfig.
/// Values the analyzers cannot use fall back to the documented default and are listed in <see cref="Problems"/>.
/// </summary>
internal sealed class LimitOptions
{
    public const string Prefix = "wslimits.";
    public const string MaxFrameBytesKey = "wslimits.max_frame_bytes";
    public const string MaxReceiveMessageBytesKey = "wslimits.max_receive_message_bytes";

    /// <summary>Netty's and Spring WebFlux's default maxFramePayloadLength.</summary>
    public const int DefaultMaxFrameBytes = 65536;

    /// <summary>Python websockets' default max_size: a cap that fits chat and control traffic, not bulk uploads.</summary>
    public const int DefaultMaxReceiveMessageBytes = 1048576;

    public static readonly ImmutableArray<string> KnownKeys = ImmutableArray.Create(MaxFrameBytesKey, MaxReceiveMessageBytesKey);

    public static readonly LimitOptions Default = new(DefaultMaxFrameBytes, DefaultMaxReceiveMessageBytes, ImmutableArray<string>.Empty);

    private LimitOptions(int maxFrameBytes, int maxReceiveMessageBytes, ImmutableArray<string> problems)
    {
        MaxFrameBytes = maxFrameBytes;
        MaxReceiveMessageBytes = maxReceiveMessageBytes;
        Problems = problems;
    }

    public int MaxFrameBytes { get; }

    /// <summary>The largest message a receive loop should reassemble before closing with 1009.</summary>
    public int MaxReceiveMessageBytes { get; }

    /// <summary>One sentence per unusable key or value, naming the key, the value and what is accepted.</summary>
    public ImmutableArray<string> Problems { get; }

    public static LimitOptions Parse(AnalyzerConfigOptions options)
    {
        var problems = ImmutableArray.CreateBuilder<string>();
        var maxFrameBytes = ReadPositiveInt(options, MaxFrameBytesKey, DefaultMaxFrameBytes, problems);
        var maxReceiveMessageBytes = ReadPositiveInt(options, MaxReceiveMessageBytesKey, DefaultMaxReceiveMessageBytes, problems);

        foreach (var key in KeysOf(options))
        {
            if (key.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"'{key}' is not a WsLimits option; known options: {string.Join(", ", KnownKeys)}");
            }
        }

        return problems.Count == 0 && maxFrameBytes == DefaultMaxFrameBytes && maxReceiveMessageBytes == DefaultMaxReceiveMessageBytes
            ? Default
            : new LimitOptions(maxFrameBytes, maxReceiveMessageBytes, problems.ToImmutable());
    }

    private static int ReadPositiveInt(AnalyzerConfigOptions options, string key, int defaultValue, ImmutableArray<string>.Builder problems)
    {
        if (!options.TryGetValue(key, out var raw))
        {
            return defaultValue;
        }

        var text = raw.Trim().Replace("_", string.Empty);
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        problems.Add($"'{key} = {raw}' is not a whole number of bytes from 1 to {int.MaxValue}; using the default {defaultValue}");
        return defaultValue;
    }

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
