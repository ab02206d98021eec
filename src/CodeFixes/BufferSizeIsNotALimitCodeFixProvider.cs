using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
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
        Removable(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(solution, work, RemoveAsync, cancellationToken);

    private static async Task<Document> RemoveAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (Removable(editor.OriginalRoot, diagnostic) is { } node)
            {
                editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives | SyntaxRemoveOptions.AddElasticMarker);
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The statement, or the object-initializer member, that holds the setting.</summary>
    private static SyntaxNode? Removable(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.ContainsKey(BufferSizeIsNotALimitAnalyzer.RemovableProperty))
        {
            return null;
        }

        var setting = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        return setting.Parent switch
        {
            InitializerExpressionSyntax => setting,
            ExpressionStatementSyntax { Parent: GlobalStatementSyntax global } => global,
            ExpressionStatementSyntax statement => statement,
            _ => null,
        };
    }
}
