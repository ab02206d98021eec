using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class UnboundedSingleFrameSendCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedSingleFrameSend);

    private static readonly FixAllProvider FixAll = new SolutionFixAllProvider("Send every unbounded payload in frames", ChunkedSendFix.ApplyAsync);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (ChunkedSendRewriter.Find(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            var work = new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) };
            context.RegisterCodeFix(
                CodeAction.Create(
                    ChunkedSendFix.Title(ChunkedSendFix.MaxFrameBytesOf(diagnostic)),
                    cancellationToken => ChunkedSendFix.ApplyAsync(context.Document.Project.Solution, work, cancellationToken),
                    ChunkedSendFix.EquivalenceKey),
                diagnostic);
        }
    }
}
