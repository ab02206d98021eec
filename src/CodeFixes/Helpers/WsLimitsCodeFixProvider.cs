using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// What every fix of the package shares: a fix is registered only where it will change the code, one solution-wide
/// Fix All hands it every diagnostic in scope, and the single fix and Fix All run the same code.
/// </summary>
public abstract class WsLimitsCodeFixProvider : CodeFixProvider
{
    private FixAllProvider? _fixAll;

    public sealed override FixAllProvider GetFixAllProvider() => _fixAll ??= new SolutionFixAllProvider(FixAllTitle, ApplyAsync);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!CanFix(root, model, diagnostic, context.CancellationToken))
            {
                continue;
            }

            var work = new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) };
            context.RegisterCodeFix(
                CodeAction.Create(
                    Title(root, model, diagnostic, context.CancellationToken),
                    cancellationToken => ApplyAsync(context.Document.Project.Solution, work, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    internal abstract string EquivalenceKey { get; }

    internal abstract string FixAllTitle { get; }

    internal abstract string Title(Diagnostic diagnostic);

    /// <summary>The title, where it depends on the code around the diagnostic.</summary>
    internal virtual string Title(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) => Title(diagnostic);

    internal abstract bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    internal abstract Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a fix that edits one document at a time to every document in the work. Each is fixed against the
    /// solution as given, whose compilation they all share, and the edits are put together at the end: a document
    /// fixed after another's edit would wait for a compilation of its own.
    /// </summary>
    internal static async Task<Solution> PerDocumentAsync(
        Solution solution,
        IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work,
        System.Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> fixDocument,
        CancellationToken cancellationToken)
    {
        var fixedRoots = new List<(DocumentId Document, SyntaxNode Root)>();
        foreach (var (documentId, diagnostics) in work)
        {
            if (solution.GetDocument(documentId) is { } document
                && await (await fixDocument(document, diagnostics, cancellationToken).ConfigureAwait(false)).GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root)
            {
                fixedRoots.Add((documentId, root));
            }
        }

        foreach (var (documentId, root) in fixedRoots)
        {
            solution = solution.WithDocumentSyntaxRoot(documentId, root);
        }

        return solution;
    }
}
