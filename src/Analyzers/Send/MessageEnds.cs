using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Send;

/// <summary>
/// Where, in the function around a fragment (a send known not to end its message), something may end that message:
/// any send that is not itself a known fragment, and, because the analysis cannot see into them, any call that is
/// handed the socket, closes it, or is a method of the same type when the socket is a field or property. Everything
/// here answers "may", so that the rule stays quiet wherever an end is possible.
/// </summary>
internal sealed class MessageEnds
{
    private readonly WebSocketSendCall _fragment;
    private readonly WebSocketUse _use;
    private readonly IOperation _function;

    public MessageEnds(WebSocketSendCall fragment, WebSocketUse use)
    {
        _fragment = fragment;
        _use = use;
        _function = fragment.Invocation.EnclosingFunction();
        Socket = SocketOf(fragment.Invocation);
    }

    /// <summary>The local, parameter, field or property the fragment is sent on, when it is one.</summary>
    public ISymbol? Socket { get; }

    /// <summary>True when something after <paramref name="node"/>, or anywhere in a loop around it, may end the message.</summary>
    public bool AnyAfter(IOperation node)
    {
        var end = node.Syntax.Span.End;
        var outer = node.EnclosingLoop();
        foreach (var operation in _function.Descendants())
        {
            if ((operation.Syntax.SpanStart >= end || (outer is not null && Within(operation, outer))) && MayEnd(operation))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a later send of this function is itself a fragment: the message's last send, where it is reported, is that one.</summary>
    public bool AnyFragmentAfter(IOperation node) =>
        _function.Descendants().Any(operation =>
            operation.Syntax.SpanStart >= node.Syntax.Span.End
            && operation is IInvocationOperation invocation
            && ReferenceEquals(invocation.EnclosingFunction(), _function)
            && WebSocketSendCall.TryCreate(invocation, _use) is { IsKnownFragment: true });

    /// <summary>True when something in <paramref name="scope"/> may end the message.</summary>
    public bool AnyIn(IOperation scope) => scope.DescendantsAndSelf().Any(MayEnd);

    /// <summary>True when <paramref name="operation"/> may end the message: the analysis cannot rule it out.</summary>
    public bool MayEnd(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation || ReferenceEquals(invocation, _fragment.Invocation))
        {
            return false;
        }

        if (WebSocketSendCall.TryCreate(invocation, _use) is { } send)
        {
            return !send.IsKnownFragment;
        }

        if (Socket is null)
        {
            return false;
        }

        return invocation.Arguments.Any(argument => SymbolEqualityComparer.Default.Equals(SymbolOf(argument.Value), Socket))
            || SymbolEqualityComparer.Default.Equals(SymbolOf(invocation.Instance), Socket)
            || (Socket is IFieldSymbol or IPropertySymbol && IsMethodOfSameType(invocation));
    }

    public static ISymbol? SocketOf(IInvocationOperation invocation) => SymbolOf(invocation.Instance);

    /// <summary>A call to an instance method of the type that holds the socket, which may send on it.</summary>
    private bool IsMethodOfSameType(IInvocationOperation invocation) =>
        !invocation.TargetMethod.IsStatic
        && invocation.Instance.WithoutConversions() is null or IInstanceReferenceOperation
        && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType.OriginalDefinition, Socket?.ContainingType?.OriginalDefinition);

    private static ISymbol? SymbolOf(IOperation? operation) => operation.WithoutConversions() switch
    {
        IPropertyReferenceOperation property => property.Property,
        var other => other.StorageSymbol(),
    };

    private static bool Within(IOperation operation, IOperation scope) => scope.Syntax.Span.Contains(operation.Syntax.Span);
}
