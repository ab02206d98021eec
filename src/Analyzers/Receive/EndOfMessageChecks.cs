using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsLimits.Analyzers.Receive;

/// <summary>Finds reads of EndOfMessage on WebSocketReceiveResult or ValueWebSocketReceiveResult.</summary>
internal static class EndOfMessageChecks
{
    public static bool AnyIn(IOperation scope)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: { Name: "EndOfMessage" } property }
                && property.ContainingType?.Name is "WebSocketReceiveResult" or "ValueWebSocketReceiveResult"
                && property.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Net.WebSockets")
            {
                return true;
            }
        }

        return false;
    }
}
