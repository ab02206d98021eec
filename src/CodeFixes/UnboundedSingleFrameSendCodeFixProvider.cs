using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL1001: sends the payload within the peer's limit: in frames of the limit for a peer that limits frames, holding a
/// per-socket lock for the whole message; as several split messages for a peer that limits messages. Offered where
/// the call ends its message.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedSingleFrameSendCodeFixProvider)), Shared]
public sealed class UnboundedSingleFrameSendCodeFixProvider : SendWithinLimitCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedSingleFrameSend);

    internal override string EquivalenceKey => "WSL1001.SendWithinLimit";

    internal override string FixAllTitle => "Send every unbounded payload within the peer's limit";
}
