using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using WsLimits.Analyzers.CodeFixes.Helpers;

namespace WsLimits.Analyzers.CodeFixes.FragmentDecoding;

/// <summary>
/// Replaces per-fragment GetString with one Decoder declared before the loop, which keeps an incomplete character
/// until the next fragment and flushes at the end of the message. Used by the single fix and by Fix All alike.
/// </summary>
internal static class FragmentDecodingFix
{
    public const string EquivalenceKey = "WSL2003.Decoder";
    public const string Title = "Decode with one Decoder across fragments";

    public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var functionsWithDecoder = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            // The names it introduces are checked against the code as it was, so one decoder per function:
            // another loop in the same function keeps its diagnostic for a later pass.
            if (DecoderRewritePlan.TryCreate(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan
                || !functionsWithDecoder.Add(FunctionBodies.EnclosingFunction(plan.LoopStatement)))
            {
                continue;
            }

            editor.InsertBefore(plan.LoopStatement, Parse($"var {DecoderRewritePlan.DecoderName} = {plan.Encoding}.GetDecoder();"));
            editor.InsertBefore(plan.Statement, new[]
            {
                Parse($"var {DecoderRewritePlan.CharsName} = new char[{DecoderRewritePlan.DecoderName}.GetCharCount({Arguments(plan)}, {plan.Flush})];"),
                Parse($"{DecoderRewritePlan.DecoderName}.GetChars({Arguments(plan)}, {DecoderRewritePlan.CharsName}, 0, {plan.Flush});"),
            });

            var decoded = plan.NeedsAString ? $"new string({DecoderRewritePlan.CharsName})" : DecoderRewritePlan.CharsName;
            editor.ReplaceNode(plan.Decode, SyntaxFactory.ParseExpression(decoded).WithTriviaFrom(plan.Decode));
        }

        return editor.GetChangedDocument();
    }

    private static string Arguments(DecoderRewritePlan plan) => plan.Arguments.Arguments.ToString();

    private static StatementSyntax Parse(string statement) =>
        SyntaxFactory.ParseStatement(statement + "\n").WithAdditionalAnnotations(Formatter.Annotation);
}
