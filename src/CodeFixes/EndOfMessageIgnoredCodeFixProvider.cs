using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class EndOfMessageIgnoredCodeFixProvider : CodeFixProvider
{
    private static readonly FixAllProvider FixAll = new SolutionFixAllProvider("Receive whole messages everywhere", MessageReceiveFix.ApplyAsync);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.EndOfMessageIgnored);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (MessageReceiveFix.Find(root, diagnostic) is null)
            {
                continue;
            }

            var work = new[] { (context.Document.Id, ImmutableArray.Create(diagnostic)) };
            context.RegisterCodeFix(
                CodeAction.Create(
                    MessageReceiveFix.Title,
                    cancellationToken => MessageReceiveFix.ApplyAsync(context.Document.Project.Solution, work, cancellationToken),
                    MessageReceiveFix.EquivalenceKey),
                diagnostic);
        }
    }
}
