using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.CodeFixes.Helpers;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers.CodeFixes.ReassemblyCap;

/// <summary>
/// Where and how the WSL2002 fix inserts its size check, when it can: after an append statement in a block, with a
/// socket and token it can name again without side effects, and a way out of the loop that keeps the code's own
/// cleanup (see <see cref="LoopExit"/>).
/// </summary>
internal sealed class ReassemblyCapPlan
{
    public const string LimitName = "MaxMessageBytes";

    private ReassemblyCapPlan(StatementSyntax append, StatementSyntax loop, string size, string socket, string token, string closeStatus, string limit, bool declaresLimit, ImmutableArray<StatementSyntax> exit)
    {
        CloseStatusType = closeStatus;
        Limit = limit;
        Exit = exit;
        AppendStatement = append;
        LoopStatement = loop;
        SizeExpression = size;
        SocketExpression = socket;
        TokenExpression = token;
        DeclaresLimit = declaresLimit;
    }

    public StatementSyntax AppendStatement { get; }

    public StatementSyntax LoopStatement { get; }

    public string SizeExpression { get; }

    public string SocketExpression { get; }

    public string TokenExpression { get; }

    /// <summary>How the check names WebSocketCloseStatus (<see cref="TypeNames"/>).</summary>
    public string CloseStatusType { get; }

    /// <summary>The name of the limit compared with: the fix's own MaxMessageBytes, or one the code already has.</summary>
    public string Limit { get; }

    /// <summary>False where a limit the code already has is reused.</summary>
    public bool DeclaresLimit { get; }

    /// <summary>The statements that leave the loop after the 1009 close.</summary>
    public ImmutableArray<StatementSyntax> Exit { get; }

    public static ReassemblyCapPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(UnboundedReassemblyAnalyzer.SizeMemberProperty, out var sizeMember)
            || WellKnownTypes.TryCreate(model.Compilation) is not { } types
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } appendNode
            || model.GetOperation(appendNode, cancellationToken) is not { } appendOperation
            || MessageSink.TryMatch(appendOperation, types) is not { } sink
            || appendNode.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { Parent: BlockSyntax } appendStatement
            || appendOperation.EnclosingLoop() is not { Syntax: StatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } loopStatement } loop
            || model.GetEnclosingSymbol(appendStatement.SpanStart, cancellationToken) is not IMethodSymbol { IsAsync: true }
            || FirstReceive(loop, types) is not { } receive
            || NameAgain(receive.Invocation.Instance) is not { } socket
            || LoopExit.Find(model, appendStatement, loopStatement, sink.Symbol, receive.ResultSymbol, types, cancellationToken) is not { IsDefault: false } exit)
        {
            return null;
        }

        var position = appendStatement.SpanStart;
        var token = NameAgain(receive.CancellationToken.Value) ?? TypeNames.At(model, position, "System.Threading.CancellationToken") + ".None";
        var closeStatus = TypeNames.At(model, position, "System.Net.WebSockets.WebSocketCloseStatus");
        var existing = ExistingLimit.Find(model, appendStatement, cancellationToken);
        return new ReassemblyCapPlan(appendStatement, loopStatement, $"{sink.Store.Syntax}.{sizeMember}", socket, token, closeStatus, existing ?? LimitName, existing is null, exit);
    }

    private static WebSocketReceiveCall? FirstReceive(ILoopOperation loop, WellKnownTypes types) =>
        loop.Descendants().OfType<IInvocationOperation>().Select(invocation => WebSocketReceiveCall.TryCreate(invocation, types)).FirstOrDefault(receive => receive is not null);

    /// <summary>The expression's text when evaluating it again has no side effect: a variable, field, property or default.</summary>
    private static string? NameAgain(IOperation? operation) => operation.WithoutConversions() switch
    {
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => operation!.Syntax.ToString(),
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation } => operation!.Syntax.ToString(),
        IPropertyReferenceOperation { Arguments.Length: 0, Instance: null or IInstanceReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation } => operation!.Syntax.ToString(),
        IDefaultValueOperation => operation!.Syntax.ToString(),
        _ => null,
    };
}
