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
/// <c>encoding.GetString(bytes, index, count)</c> in a statement or local declaration in a block, the loop stores its
/// receive result in a variable, and the names it introduces are free.
/// </summary>
internal sealed class DecoderRewritePlan
{
    public const string DecoderName = "decoder";
    public const string CharsName = "chars";

    private DecoderRewritePlan(InvocationExpressionSyntax decode, StatementSyntax statement, StatementSyntax loop, string encoding, string flush, bool needsAString)
    {
        Decode = decode;
        Statement = statement;
        LoopStatement = loop;
        Encoding = encoding;
        Flush = flush;
        NeedsAString = needsAString;
    }

    public InvocationExpressionSyntax Decode { get; }

    /// <summary>The statement that decodes the text: the append itself, or the declaration of a local appended later.</summary>
    public StatementSyntax Statement { get; }

    public StatementSyntax LoopStatement { get; }

    /// <summary>The encoding expression, as written.</summary>
    public string Encoding { get; }

    /// <summary>The expression that says a piece ends its message, when the decoder must flush.</summary>
    public string Flush { get; }

    public ArgumentListSyntax Arguments => Decode.ArgumentList;

    /// <summary>
    /// False only where the text goes straight into <c>StringBuilder.Append</c>, which takes the characters as they are;
    /// a string concatenated, kept in a local or passed on needs <c>new string(chars)</c>.
    /// </summary>
    public bool NeedsAString { get; }

    public static DecoderRewritePlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetString" } encodingAccess } decode
            || decode.ArgumentList.Arguments.Count != 3
            || decode.FirstAncestorOrSelf<StatementSyntax>() is not { Parent: BlockSyntax } statement
            || statement is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax)
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

        var needsAString = !IsTheOnlyArgumentOfStringBuilderAppend(decode, model, types, cancellationToken);
        return new DecoderRewritePlan(decode, statement, loopStatement, encodingAccess.Expression.ToString(), result.Name + ".EndOfMessage", needsAString);
    }

    private static bool IsTheOnlyArgumentOfStringBuilderAppend(InvocationExpressionSyntax decode, SemanticModel model, WellKnownTypes types, CancellationToken cancellationToken) =>
        decode.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax append } }
        && model.GetSymbolInfo(append, cancellationToken).Symbol is IMethodSymbol { Name: "Append" } method
        && method.ContainingType.Is(types.StringBuilder);
}
