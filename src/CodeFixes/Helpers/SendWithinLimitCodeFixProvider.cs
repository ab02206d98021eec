using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>The fixes of the send rules: each rewrites the send to the helper its peer needs (see <see cref="SendWithinLimitFix"/>).</summary>
public abstract class SendWithinLimitCodeFixProvider : WsLimitsCodeFixProvider
{
    internal sealed override string Title(Diagnostic diagnostic) => SendWithinLimitFix.Title(diagnostic);

    internal sealed override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SendWithinLimitFix.CanFix(root, model, diagnostic, cancellationToken);

    internal sealed override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        SendWithinLimitFix.ApplyAsync(solution, work, cancellationToken);
}
