using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.CodeFixes.ReassemblyCap;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL2002: after the append, checks the message's size against the limit; over it, closes with 1009
/// (MessageTooBig) and stops reading.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedReassemblyCodeFixProvider)), Shared]
public sealed class UnboundedReassemblyCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedReassembly);

    internal override string EquivalenceKey => ReassemblyCapFix.EquivalenceKey;

    internal override string FixAllTitle => "Limit every reassembled message";

    internal override string Title(Diagnostic diagnostic) => ReassemblyCapFix.Title(ReassemblyCapFix.MaxMessageBytesOf(diagnostic));

    internal override string Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ReassemblyCapPlan.TryCreate(root, model, diagnostic, cancellationToken) is { DeclaresLimit: false, Limit: var limit }
            ? ReassemblyCapFix.Title(limit)
            : Title(diagnostic);

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ReassemblyCapPlan.TryCreate(root, model, diagnostic, cancellationToken) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, ReassemblyCapFix.ApplyAsync, cancellationToken);
}
