using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>
/// Rewrites WSL1001 sends to the chunked-send helper and adds the helper once per project.
/// Used by the single fix and by Fix All alike, so both produce the same code.
/// </summary>
internal static class ChunkedSendFix
{
    public const string EquivalenceKey = "WSL1001.SendChunked";

    public static string Title(int maxFrameBytes) =>
        string.Format(CultureInfo.InvariantCulture, "Send in frames of at most {0} bytes", maxFrameBytes);

    public static int MaxFrameBytesOf(Diagnostic diagnostic) =>
        diagnostic.GetInt(UnboundedSingleFrameSendAnalyzer.MaxFrameBytesProperty, LimitOptions.DefaultMaxFrameBytes);

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken)
    {
        var maxFrameBytes = LimitOptions.DefaultMaxFrameBytes;
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
                if (ChunkedSendRewriter.Find(root, model, diagnostic, cancellationToken) is { } send)
                {
                    sends[send.Invocation] = send.KeepsFlags;
                    maxFrameBytes = MaxFrameBytesOf(diagnostic);
                }
            }

            if (sends.Count > 0)
            {
                var rewritten = root.ReplaceNodes(sends.Keys, (original, current) => ChunkedSendRewriter.Rewrite(current, sends[original]));
                solution = solution.WithDocumentSyntaxRoot(documentId, rewritten);
                changed.Add(documentId);
            }
        }

        foreach (var project in changed.GroupBy(document => document.ProjectId))
        {
            solution = await HelperDocument.EnsureAsync(
                solution,
                project.ToList(),
                ChunkedSenderTemplate.TypeName,
                (compilation, webSocket) => ChunkedSenderTemplate.Render(ChunkedSenderVariants.For(compilation, webSocket), maxFrameBytes),
                cancellationToken).ConfigureAwait(false);
        }

        return solution;
    }
}
