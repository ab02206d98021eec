using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>WSL3001: removes the buffer setting, which does nothing that the code relies on.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BufferSizeIsNotALimitCodeFixProvider)), Shared]
public sealed class BufferSizeIsNotALimitCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.BufferSizeIsNotALimit);

    internal override string EquivalenceKey => "WSL3001.Remove";

    internal override string FixAllTitle => "Remove every buffer setting that limits nothing";

    internal override string Title(Diagnostic diagnostic) => "Remove the setting, which limits nothing";

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SettingRemoval.Removable(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, SettingRemoval.RemoveAsync, cancellationToken);
}
