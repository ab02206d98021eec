using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>
/// Fix All for WSL1001. The batch fixer merges text edits only, and would add the helper file once per fix;
/// this rewrites every send in scope and adds the helper once per project.
/// </summary>
internal sealed class ChunkedSendFixAllProvider : FixAllProvider
{
    public static readonly ChunkedSendFixAllProvider Instance = new();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var documents = fixAllContext.Scope switch
        {
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(project => project.Documents),
            FixAllScope.Project => fixAllContext.Project.Documents,
            _ => fixAllContext.Document is { } document ? new[] { document } : Enumerable.Empty<Document>(),
        };

        var work = new List<(DocumentId, ImmutableArray<Diagnostic>)>();
        foreach (var document in documents)
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                work.Add((document.Id, diagnostics));
            }
        }

        return work.Count == 0
            ? null
            : CodeAction.Create(
                "Send every unbounded payload in frames",
                cancellationToken => ChunkedSendFix.ApplyAsync(fixAllContext.Solution, work, cancellationToken),
                fixAllContext.CodeActionEquivalenceKey);
    }
}
