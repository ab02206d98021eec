using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

/// <summary>
/// Inserts, after each unbounded append, a check that closes with 1009 and stops reading once the message is over
/// the limit; declares the limit once before the loop. Used by the single fix and by Fix All alike.
/// </summary>
internal static class ReassemblyCapFix
{
    public const string EquivalenceKey = "WSL2002.CapReassembly";

    /// <summary>The close reason; under the 123-byte limit of a close frame's description.</summary>
    private const string CloseReason = "Message too big";

    public static string Title(int maxMessageBytes) =>
        string.Format(CultureInfo.InvariantCulture, "Stop at {0} bytes and close with 1009", maxMessageBytes);

    /// <summary>The title where the check reuses a limit the code already has.</summary>
    public static string Title(string limit) =>
        string.Format(CultureInfo.InvariantCulture, "Stop at {0} and close with 1009", limit);

    public static int MaxMessageBytesOf(Diagnostic diagnostic) =>
        diagnostic.GetInt(UnboundedReassemblyAnalyzer.MaxMessageBytesProperty, LimitOptions.DefaultMaxReceiveMessageBytes);

    public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var declared = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (ReassemblyCapPlan.TryCreate(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            editor.InsertAfter(plan.AppendStatement, SizeCheck(plan));

            // One limit at the top of the function serves every loop in it.
            var anchor = FunctionBodies.DeclarationAnchor(plan.LoopStatement);
            if (plan.DeclaresLimit && declared.Add(anchor))
            {
                var declaration = LimitDeclaration(MaxMessageBytesOf(diagnostic));
                editor.InsertBefore(anchor, anchor is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(declaration) : declaration);
            }
        }

        return editor.GetChangedDocument();
    }

    private static StatementSyntax SizeCheck(ReassemblyCapPlan plan)
    {
        // A block in the exit (an if copied from the close branch) is set off by a blank line, as code after a block is.
        var exit = string.Join("\n", plan.Exit.Select((statement, index) =>
            statement.WithoutTrivia().ToFullString() + (statement is IfStatementSyntax && index < plan.Exit.Length - 1 ? "\n" : string.Empty)));
        var check = (IfStatementSyntax)SyntaxFactory.ParseStatement(
            $$"""
            if ({{plan.SizeExpression}} > {{plan.Limit}})
            {
                await {{plan.SocketExpression}}.CloseAsync({{plan.CloseStatusType}}.MessageTooBig, "{{CloseReason}}", {{plan.TokenExpression}});
            {{exit}}
            }
            """);
        return check
            .ReplaceNodes(
                check.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Where(IsFullyQualified),
                (_, node) => node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
            .WithTrailingTrivia(BlankLineAfter(plan.AppendStatement))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// A blank line after the inserted block, as the code around it would have, unless the block ends its own block or a
    /// blank line follows the append already.
    /// </summary>
    private static SyntaxTriviaList BlankLineAfter(StatementSyntax append)
    {
        var newLine = append.GetTrailingTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
        }

        var next = append.Parent is BlockSyntax block ? block.Statements.SkipWhile(statement => statement != append).Skip(1).FirstOrDefault() : null;
        return next is null || StartsWithBlankLine(next) ? SyntaxFactory.TriviaList(newLine) : SyntaxFactory.TriviaList(newLine, newLine);
    }

    private static bool StartsWithBlankLine(StatementSyntax statement) => statement.GetLeadingTrivia()
        .SkipWhile(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia))
        .FirstOrDefault()
        .IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>The names this fix writes out in full, so the simplifier shortens them and adds the using they need.</summary>
    private static bool IsFullyQualified(MemberAccessExpressionSyntax node) =>
        node.Parent is not MemberAccessExpressionSyntax && node.ToString().StartsWith("global::", System.StringComparison.Ordinal);

    private static LocalDeclarationStatementSyntax LimitDeclaration(int maxMessageBytes)
    {
        var value = maxMessageBytes.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "_");
        return ((LocalDeclarationStatementSyntax)SyntaxFactory.ParseStatement(
                $"const int {ReassemblyCapPlan.LimitName} = {value}; // wslimits.max_receive_message_bytes\n"))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
