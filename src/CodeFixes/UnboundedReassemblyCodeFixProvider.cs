using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.ReassemblyCap;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL2002: after the append, checks the message's size against the limit; over it, closes with 1009
/// (MessageTooBig) and stops reading.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnboundedReassemblyCodeFixProvider)), Shared]
public sealed class UnboundedReassemblyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnboundedReassembly);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => ReassemblyCapFix.ApplyAsync(document, diagnostics, context.CancellationToken)!);

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
            if (ReassemblyCapPlan.TryCreate(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    ReassemblyCapFix.Title(ReassemblyCapFix.MaxMessageBytesOf(diagnostic)),
                    cancellationToken => ReassemblyCapFix.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    ReassemblyCapFix.EquivalenceKey),
                diagnostic);
        }
    }
}
