using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsLimits.Analyzers.Options;
using WsLimits.Analyzers.Tests.Meta;

namespace WsLimits.Analyzers.Tests.Generated;

/// <summary>What the generated docs and presets say about each rule: its descriptor, its fix, the options it reads.</summary>
internal sealed record RuleFacts(DiagnosticDescriptor Descriptor, bool HasCodeFix, ImmutableArray<string> Options)
{
    /// <summary>The 'wslimits.*' keys each rule reads; a test holds every known key to at least one rule.</summary>
    private static readonly ImmutableDictionary<string, ImmutableArray<string>> OptionsByRule = new Dictionary<string, ImmutableArray<string>>
    {
        ["WSL1001"] = ImmutableArray.Create(LimitOptions.PeerKey, LimitOptions.MaxFrameBytesKey, LimitOptions.MaxMessageBytesKey, LimitOptions.PublicCallersKey),
        ["WSL1002"] = ImmutableArray.Create(LimitOptions.PeerKey, LimitOptions.MaxFrameBytesKey, LimitOptions.MaxMessageBytesKey, LimitOptions.PublicCallersKey),
        ["WSL1003"] = ImmutableArray.Create(LimitOptions.PublicCallersKey),
        ["WSL2002"] = ImmutableArray.Create(LimitOptions.MaxReceiveMessageBytesKey, LimitOptions.MaxMessageBytesKey),
        ["WSL2004"] = ImmutableArray.Create(LimitOptions.PublicCallersKey),
        ["WSL3002"] = ImmutableArray.Create(LimitOptions.SignalRMaxReceiveMessageBytesKey),
        ["WSL3003"] = ImmutableArray.Create(LimitOptions.SignalRMaxReceiveMessageBytesKey, LimitOptions.PublicCallersKey),
        ["WSL3004"] = ImmutableArray.Create(LimitOptions.MaxFrameBytesKey, LimitOptions.MaxMessageBytesKey, LimitOptions.MaxReceiveMessageBytesKey, LimitOptions.SignalRMaxReceiveMessageBytesKey),
        ["WSL3005"] = ImmutableArray.Create(LimitOptions.SignalRMaxReceiveMessageBytesKey),
        ["WSL9001"] = LimitOptions.KnownKeys,
    }.ToImmutableDictionary();

    public static ImmutableArray<RuleFacts> All { get; } = PackageContents.Descriptors
        .Select(descriptor => new RuleFacts(
            descriptor,
            PackageContents.CodeFixes.Any(fix => fix.FixableDiagnosticIds.Contains(descriptor.Id)),
            OptionsByRule.TryGetValue(descriptor.Id, out var options) ? options : ImmutableArray<string>.Empty))
        .ToImmutableArray();

    public string Id => Descriptor.Id;
}
