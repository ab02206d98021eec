using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using WsLimits.Analyzers.CodeFixes.FragmentDecoding;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>WSL2003: decodes the fragments with one Decoder, so a character split between two of them survives.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TextDecodedPerFragmentCodeFixProvider)), Shared]
public sealed class TextDecodedPerFragmentCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.TextDecodedPerFragment);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FragmentDecodingFix.ApplyAsync(document, diagnostics, context.CancellationToken)!);

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
            if (DecoderRewritePlan.TryCreate(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    FragmentDecodingFix.Title,
                    cancellationToken => FragmentDecodingFix.ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    FragmentDecodingFix.EquivalenceKey),
                diagnostic);
        }
    }
}
