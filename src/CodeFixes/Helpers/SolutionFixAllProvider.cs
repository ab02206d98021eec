using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// Fix All for fixes that add a helper file. The batch fixer merges text edits only, and would add the file once
/// per fix; this hands every diagnostic in scope to one solution-wide fix, which adds the helper once per project.
/// </summary>
internal sealed class SolutionFixAllProvider : FixAllProvider
{
    private readonly string _title;
    private readonly Func<Solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> _apply;

    public SolutionFixAllProvider(string title, Func<Solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)>, CancellationToken, Task<Solution>> apply)
    {
        _title = title;
        _apply = apply;
    }

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
            : CodeAction.Create(_title, cancellationToken => _apply(fixAllContext.Solution, work, cancellationToken), fixAllContext.CodeActionEquivalenceKey);
    }
}
