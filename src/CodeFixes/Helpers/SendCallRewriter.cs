using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Send;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>A send call a fix can rewrite, and its WebSocketMessageFlags when it has any.</summary>
internal readonly struct RewritableSend
{
    public RewritableSend(InvocationExpressionSyntax invocation, bool usesFlags, bool flagsAreJustEndOfMessage)
    {
        Invocation = invocation;
        UsesFlags = usesFlags;
        FlagsAreJustEndOfMessage = flagsAreJustEndOfMessage;
    }

    public InvocationExpressionSyntax Invocation { get; }

    public bool UsesFlags { get; }

    /// <summary>True for the bool overloads, and for flags of exactly EndOfMessage, which a helper without flags keeps.</summary>
    public bool FlagsAreJustEndOfMessage { get; }
}

/// <summary>
/// Turns <c>socket.SendAsync(payload, type, true, token)</c> into a call of an inserted helper,
/// <c>socket.Helper(payload, type, token)</c>, or <c>socket.Helper(payload, type, flags, token)</c> where it keeps flags.
/// </summary>
internal static class SendCallRewriter
{
    private const int EndOfMessageArgument = 2;
    private const int EndOfMessageFlag = 1;

    /// <summary>
    /// The send call a WSL1001 or WSL1002 diagnostic points at, when a fix can rewrite it: the call names its socket,
    /// ends its message, and its result is awaited or used as a Task (the helpers return Task).
    /// </summary>
    public static RewritableSend? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.ContainsKey(SentPayload.EndsMessageProperty)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<ArgumentSyntax>() is not { } payload
            || payload.Parent?.Parent is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } invocation
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || WellKnownTypes.TryCreate(model.Compilation) is not { } types
            || WebSocketSendCall.TryCreate(operation, types) is not { EndsMessage: true } send)
        {
            return null;
        }

        var returnsTask = operation.TargetMethod.ReturnType.Name == nameof(System.Threading.Tasks.Task);
        var justEndOfMessage = !send.UsesFlags || send.EndOfMessage?.Value.ConstantValue.Value is EndOfMessageFlag;
        return returnsTask || IsAwaited(invocation) ? new RewritableSend(invocation, send.UsesFlags, justEndOfMessage) : null;
    }

    /// <param name="current">The call as it stands in the tree being rewritten, which may differ from the one found.</param>
    public static InvocationExpressionSyntax Rewrite(InvocationExpressionSyntax current, string helperMethod, bool keepFlags)
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

        var helperName = SyntaxFactory.IdentifierName(helperMethod).WithTriviaFrom(memberAccess.Name);
        return current
            .WithExpression(memberAccess.WithName(helperName))
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
