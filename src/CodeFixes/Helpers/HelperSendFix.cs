using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// Rewrites send calls to an inserted helper method and adds the helper once per project. Used by the single fix
/// and by Fix All alike, so both produce the same code.
/// </summary>
internal sealed class HelperSendFix
{
    private readonly string _helperType;
    private readonly string _helperMethod;
    private readonly Func<RewritableSend, bool> _keepsFlags;
    private readonly Func<ChunkedSenderVariant, int, string> _render;

    /// <param name="render">The helper's source for the project's send overloads and the limit it keeps to.</param>
    public HelperSendFix(string helperType, string helperMethod, Func<RewritableSend, bool> keepsFlags, Func<ChunkedSenderVariant, int, string> render)
    {
        _helperType = helperType;
        _helperMethod = helperMethod;
        _keepsFlags = keepsFlags;
        _render = render;
    }

    /// <param name="limitOf">The size the helper keeps each frame or message to, from a diagnostic's properties.</param>
    public async Task<Solution> ApplyAsync(
        Solution solution,
        IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work,
        Func<Diagnostic, int> limitOf,
        CancellationToken cancellationToken)
    {
        int? limit = null;
        var changed = new List<DocumentId>();
        foreach (var (documentId, diagnostics) in work)
        {
            if (solution.GetDocument(documentId) is not { } document
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            var sends = new Dictionary<InvocationExpressionSyntax, bool>();
            foreach (var diagnostic in diagnostics)
            {
                if (SendCallRewriter.Find(root, model, diagnostic, cancellationToken) is { } send)
                {
                    sends[send.Invocation] = _keepsFlags(send);

                    // One helper serves the project, so it keeps to the smallest limit any of its sends needs.
                    limit = Math.Min(limit ?? int.MaxValue, limitOf(diagnostic));
                }
            }

            if (sends.Count > 0)
            {
                var rewritten = root.ReplaceNodes(sends.Keys, (original, current) => SendCallRewriter.Rewrite(current, _helperMethod, sends[original]));
                solution = solution.WithDocumentSyntaxRoot(documentId, rewritten);
                changed.Add(documentId);
            }
        }

        return changed.Count == 0
            ? solution
            : await HelperDocument.EnsureAsync(
                solution,
                changed,
                _helperType,
                (compilation, webSocket) => _render(ChunkedSenderVariants.For(compilation, webSocket), limit!.Value),
                cancellationToken).ConfigureAwait(false);
    }
}
