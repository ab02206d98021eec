using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.CloseDescription;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL2004: passes the description through CloseDescription.Truncate, which keeps the longest start of it that fits in
/// 123 UTF-8 bytes without splitting a character, so the close frame is sent.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CloseDescriptionTooLongCodeFixProvider)), Shared]
public sealed class CloseDescriptionTooLongCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.CloseDescriptionTooLong);

    internal override string EquivalenceKey => CloseDescriptionFix.EquivalenceKey;

    internal override string FixAllTitle => "Truncate close descriptions everywhere";

    internal override string Title(Diagnostic diagnostic) => CloseDescriptionFix.Title;

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        CloseDescriptionFix.Find(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        CloseDescriptionFix.ApplyAsync(solution, work, cancellationToken);
}
