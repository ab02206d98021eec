using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.CodeFixes.MessageReceive;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL2001: receives through ReceiveMessageAsync, which reads until EndOfMessage into the same buffer and refuses
/// a message that does not fit with 1009, so the code after it sees whole messages.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EndOfMessageIgnoredCodeFixProvider)), Shared]
public sealed class EndOfMessageIgnoredCodeFixProvider : WsLimitsCodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.EndOfMessageIgnored);

    internal override string EquivalenceKey => MessageReceiveFix.EquivalenceKey;

    internal override string FixAllTitle => "Receive whole messages everywhere";

    internal override string Title(Diagnostic diagnostic) => MessageReceiveFix.Title;

    internal override bool CanFix(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        MessageReceiveFix.Find(root, diagnostic) is not null;

    internal override Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<(DocumentId Document, ImmutableArray<Diagnostic> Diagnostics)> work, CancellationToken cancellationToken) =>
        MessageReceiveFix.ApplyAsync(solution, work, cancellationToken);
}
