using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL1001: sends the payload through a chunked-send helper that writes frames no larger than the limit
/// and holds a per-socket lock for the whole message. Offered where the call ends its message.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedSingleFrameSendCodeFixProvider)), Shared]
public sealed class UnboundedSingleFrameSendCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedSingleFrameSend);

    internal override string EquivalenceKey => ChunkedSendFix.EquivalenceKey;

    internal override string FixAllTitle => "Send every unbounded payload in frames";

    internal override string Title(Diagnostic diagnostic) => ChunkedSendFix.Title(ChunkedSendFix.MaxFrameBytesOf(diagnostic));

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        ChunkedSendRewriter.Find(root, model, diagnostic, cancellationToken) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        ChunkedSendFix.ApplyAsync(solution, work, cancellationToken);
}
