using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>Finds reads of EndOfMessage on WebSocketReceiveResult or ValueWebSocketReceiveResult.</summary>
internal static class EndOfMessageChecks
{
    public static bool AnyIn(IOperation scope, WellKnownTypes types)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: { Name: "EndOfMessage" } property }
                && (property.ContainingType.Is(types.WebSocketReceiveResult) || property.ContainingType.Is(types.ValueWebSocketReceiveResult)))
            {
                return true;
            }
        }

        return false;
    }
}
