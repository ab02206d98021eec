using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers.CodeFixes.FragmentDecoding;

/// <summary>
/// Where the WSL2003 fix puts one Decoder across fragments, when it can: the decode is
/// <c>encoding.GetString(bytes, index, count)</c> inside an append statement in a block, the loop stores its
/// receive result in a variable, and the names it introduces are free.
/// </summary>
internal sealed class DecoderRewritePlan
{
    public const string DecoderName = "decoder";
    public const string CharsName = "chars";

    private DecoderRewritePlan(InvocationExpressionSyntax decode, StatementSyntax statement, StatementSyntax loop, string encoding, string flush)
    {
        Decode = decode;
        Statement = statement;
        LoopStatement = loop;
        Encoding = encoding;
        Flush = flush;
    }

    public InvocationExpressionSyntax Decode { get; }

    /// <summary>The statement that appends the decoded text.</summary>
    public StatementSyntax Statement { get; }

    public StatementSyntax LoopStatement { get; }

    /// <summary>The encoding expression, as written.</summary>
    public string Encoding { get; }

    /// <summary>The expression that says a piece ends its message, when the decoder must flush.</summary>
    public string Flush { get; }

    public ArgumentListSyntax Arguments => Decode.ArgumentList;

    /// <summary>True when the appended text is concatenated to a string, which needs <c>new string(chars)</c>.</summary>
    public bool AppendsToString => Statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax };

    public static DecoderRewritePlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetString" } encodingAccess } decode
            || decode.ArgumentList.Arguments.Count != 3
            || decode.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { Parent: BlockSyntax } statement
            || model.GetOperation(decode, cancellationToken) is not IInvocationOperation operation
            || WellKnownTypes.TryCreate(model.Compilation) is not { } types
            || operation.EnclosingLoop() is not { Syntax: StatementSyntax { Parent: BlockSyntax } loopStatement } loop
            || ReceiveLoop.TryCreate(loop, types) is not { } receiveLoop
            || receiveLoop.Receives.Select(receive => receive.ResultSymbol).FirstOrDefault(symbol => symbol is not null) is not { } result
            || model.LookupSymbols(statement.SpanStart, name: DecoderName).Any()
            || model.LookupSymbols(statement.SpanStart, name: CharsName).Any())
        {
            return null;
        }

        return new DecoderRewritePlan(decode, statement, loopStatement, encodingAccess.Expression.ToString(), result.Name + ".EndOfMessage");
    }
}
