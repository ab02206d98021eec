using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.SignalR;

/// <summary>An assignment to <c>MaximumReceiveMessageSize</c> on <c>HubOptions</c> or <c>HubOptions&lt;THub&gt;</c>.</summary>
internal static class ReceiveLimitSetting
{
    public const string PropertyName = "MaximumReceiveMessageSize";

    /// <summary>The assigned value, seen through conversions, when the assignment sets SignalR's receive limit.</summary>
    public static IOperation? ValueOf(ISimpleAssignmentOperation assignment, WellKnownTypes types) =>
        assignment.Target is IPropertyReferenceOperation { Property: { Name: PropertyName } property } && property.ContainingType.IsOrDerivesFrom(types.HubOptions)
            ? assignment.Value.WithoutConversions()
            : null;
}
