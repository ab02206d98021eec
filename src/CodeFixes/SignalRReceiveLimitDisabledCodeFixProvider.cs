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

/// <summary>WSL3002: sets the server's receive limit to the contract's, or to that server's default where there is no contract.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignalRReceiveLimitDisabledCodeFixProvider)), Shared]
public sealed class SignalRReceiveLimitDisabledCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.SignalRReceiveLimitDisabled);

    internal override string EquivalenceKey => "WSL3002.SetLimit";

    internal override string FixAllTitle => "Give every SignalR server a receive limit";

    internal override string Title(Diagnostic diagnostic) =>
        "Limit hub messages to " + LimitValueRewrite.Format(diagnostic.GetInt(SignalRReceiveLimitDisabledAnalyzer.LimitBytesProperty, 0)) + " bytes";

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        LimitValueRewrite.Target(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        PerDocumentAsync(
            solution,
            work,
            (document, diagnostics, token) => LimitValueRewrite.RewriteAsync(document, diagnostics, SignalRReceiveLimitDisabledAnalyzer.LimitBytesProperty, token),
            cancellationToken);
}
