using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL1002: sends a payload known to be over the configured limit within it, the same way as the WSL1001 fix: in frames
/// where only frames are limited, as split messages where messages are. Offered where the call ends its message.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PayloadOverLimitCodeFixProvider)), Shared]
public sealed class PayloadOverLimitCodeFixProvider : SendWithinLimitCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.PayloadOverLimit);

    internal override string EquivalenceKey => "WSL1002.SendWithinLimit";

    internal override string FixAllTitle => "Send every payload over the limit within it";
}
