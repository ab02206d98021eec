using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>A send call the fix can rewrite, and whether it keeps its WebSocketMessageFlags argument.</summary>
internal readonly struct RewritableSend
{
    public RewritableSend(InvocationExpressionSyntax invocation, bool keepsFlags)
    {
        Invocation = invocation;
        KeepsFlags = keepsFlags;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public bool KeepsFlags { get; }
}

/// <summary>Turns <c>socket.SendAsync(payload, type, true, token)</c> into <c>socket.SendChunkedAsync(payload, type, token)</c>.</summary>
internal static class ChunkedSendRewriter
{
    private const int EndOfMessageArgument = 2;

    /// <summary>
    /// The send call a WSL1001 diagnostic points at, when the fix can rewrite it: the call names its socket,
    /// ends its message, and its result is awaited or used as a Task (the helper returns Task).
    /// </summary>
    public static RewritableSend? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(UnboundedSingleFrameSendAnalyzer.EndsMessageProperty)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is not { } payload
            || payload.Parent?.Parent is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || WellKnownTypes.TryCreate(model.Compilation) is not { } types
            || WebSocketSendCall.TryCreate(operation, types) is not { EndsMessage: true } send)
        {
            return null;
        }

        var returnsTask = operation.TargetMethod.ReturnType.Name == nameof(System.Threading.Tasks.Task);
        return returnsTask || IsAwaited(invocation) ? new RewritableSend(invocation, send.UsesFlags) : null;
    }

    /// <param name="current">The call as it stands in the tree being rewritten, which may differ from the one found.</param>
    public static InvocationExpressionSyntax Rewrite(InvocationExpressionSyntax current, bool keepFlags)
    {
        var memberAccess = (MemberAccessExpressionSyntax)current.Expression;
        var arguments = current.ArgumentList.Arguments;
        if (!keepFlags)
        {
            arguments = arguments.RemoveAt(EndOfMessageArgument);
        }

        // Named arguments would name the SendAsync parameters; the helper takes them in the same order.
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].NameColon is not null)
            {
                arguments = arguments.Replace(arguments[i], arguments[i].WithNameColon(null).WithTriviaFrom(arguments[i]));
            }
        }

        var chunkedName = SyntaxFactory.IdentifierName(ChunkedSenderTemplate.MethodName).WithTriviaFrom(memberAccess.Name);
        return current
            .WithExpression(memberAccess.WithName(chunkedName))
            .WithArgumentList(current.ArgumentList.WithArguments(arguments))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool IsAwaited(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
            && configure.Parent is InvocationExpressionSyntax configured)
        {
            node = configured;
        }

        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node.Parent is AwaitExpressionSyntax;
    }
}
