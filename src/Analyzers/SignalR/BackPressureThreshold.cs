using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.SignalR;

/// <summary>
/// An assignment to one of SignalR's pipe thresholds, TransportMaxBufferSize or ApplicationMaxBufferSize, on the
/// server's HttpConnectionDispatcherOptions or the .NET client's HttpConnectionOptions. They set when the writer of the
/// pipe between transport and application pauses (back-pressure); 0 means it never does.
/// </summary>
internal sealed class BackPressureThreshold
{
    /// <summary>HttpConnectionDispatcherOptions' default for both thresholds (PipeWriter's default pause threshold).</summary>
    public const int ServerDefaultBytes = 65_536;

    /// <summary>HttpConnectionOptions' default for both thresholds.</summary>
    public const int ClientDefaultBytes = 1_048_576;

    public static readonly ImmutableArray<string> PropertyNames = ImmutableArray.Create("TransportMaxBufferSize", "ApplicationMaxBufferSize");

    private BackPressureThreshold(IPropertySymbol property, bool isServer, IOperation value)
    {
        Property = property;
        IsServer = isServer;
        Value = value;
    }

    public IPropertySymbol Property { get; }

    /// <summary>True on the server's dispatcher options, false on the .NET client's connection options.</summary>
    public bool IsServer { get; }

    public IOperation Value { get; }

    public int DefaultBytes => IsServer ? ServerDefaultBytes : ClientDefaultBytes;

    /// <summary>True for a value the compiler folds to 0: <c>0</c>, <c>0L</c>, a constant that is 0.</summary>
    public bool DisablesBackPressure =>
        Value.ConstantValue is { HasValue: true, Value: int or long } constant && Convert.ToInt64(constant.Value, CultureInfo.InvariantCulture) == 0;

    /// <summary>The threshold an assignment sets, or null when it sets something else.</summary>
    public static BackPressureThreshold? Of(ISimpleAssignmentOperation assignment, WellKnownTypes types)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } || !PropertyNames.Contains(property.Name))
        {
            return null;
        }

        if (property.ContainingType.Is(types.HttpConnectionDispatcherOptions))
        {
            return new BackPressureThreshold(property, isServer: true, assignment.Value);
        }

        return property.ContainingType.Is(types.HttpConnectionOptions) ? new BackPressureThreshold(property, isServer: false, assignment.Value) : null;
    }
}
