using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL3004: removes a SignalR buffer threshold raised as if it were a limit, or sets a helper's frame size, part size or
/// receive cap back to the contract's value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LimitRaisedOnOneSideCodeFixProvider)), Shared]
public sealed class LimitRaisedOnOneSideCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.LimitRaisedOnOneSide);

    internal override string EquivalenceKey => "WSL3004.MatchContract";

    internal override string FixAllTitle => "Match every limit to the contract";

    internal override string Title(Diagnostic diagnostic) => IsThreshold(diagnostic)
        ? "Remove the threshold, which limits nothing"
        : "Use the contract's " + LimitValueRewrite.Format(diagnostic.GetInt(LimitRaisedOnOneSideAnalyzer.ContractBytesProperty, 0)) + " bytes";

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => IsThreshold(diagnostic)
        ? SettingRemoval.Removable(root, diagnostic) is not null
        : LimitValueRewrite.Target(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, FixDocumentAsync, cancellationToken);

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (IsThreshold(diagnostic))
            {
                SettingRemoval.Remove(editor, diagnostic);
            }
            else
            {
                LimitValueRewrite.Rewrite(editor, diagnostic, LimitRaisedOnOneSideAnalyzer.ContractBytesProperty);
            }
        }

        return editor.GetChangedDocument();
    }

    private static bool IsThreshold(Diagnostic diagnostic) => !diagnostic.Properties.ContainsKey(LimitRaisedOnOneSideAnalyzer.ContractBytesProperty);
}
