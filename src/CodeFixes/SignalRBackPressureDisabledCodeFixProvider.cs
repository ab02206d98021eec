using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.CodeFixes;

/// <summary>
/// WSL3005: brings back-pressure back, by removing the assignment so the default threshold applies, or by writing
/// the default in place of the 0. Unlike the package's one-action fixes this offers two, and Fix All applies the one
/// chosen, so it is a plain provider with a per-document Fix All: both actions only edit the settings they point at.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignalRBackPressureDisabledCodeFixProvider)), Shared]
public sealed class SignalRBackPressureDisabledCodeFixProvider : CodeFixProvider
{
    public const string RemoveKey = "WSL3005.RemoveSetting";

    public const string SetDefaultKey = "WSL3005.SetDefault";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.SignalRBackPressureDisabled);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var bytes = LimitValueRewrite.Format(DefaultBytes(diagnostic));
            var diagnostics = ImmutableArray.Create(diagnostic);

            // First, so that `dotnet format`, which applies the first action offered, removes the setting where it can.
            if (SettingRemoval.Removable(root, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the setting, so that back-pressure applies from the default " + bytes + " bytes",
                        token => FixAsync(context.Document, diagnostics, RemoveKey, token),
                        RemoveKey),
                    diagnostic);
            }

            if (LimitValueRewrite.Target(root, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Apply back-pressure from " + bytes + " bytes, the default",
                        token => FixAsync(context.Document, diagnostics, SetDefaultKey, token),
                        SetDefaultKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (key == RemoveKey)
            {
                SettingRemoval.Remove(editor, diagnostic);
            }
            else
            {
                LimitValueRewrite.Rewrite(editor, diagnostic, SignalRBackPressureDisabledAnalyzer.DefaultBytesProperty);
            }
        }

        return editor.GetChangedDocument();
    }

    private static int DefaultBytes(Diagnostic diagnostic) => diagnostic.GetInt(SignalRBackPressureDisabledAnalyzer.DefaultBytesProperty, 0);
}
