using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>Tells the removal fixes that a setting is a statement or initializer member of its own, which they can delete.</summary>
public static class RemovableSetting
{
    /// <summary>Diagnostic property present where removing the setting leaves valid code.</summary>
    public const string Property = "Removable";

    internal static ImmutableDictionary<string, string?> Properties(IOperation setting) =>
        setting.Parent is IExpressionStatementOperation { Parent: IBlockOperation } or IObjectOrCollectionInitializerOperation
            ? ImmutableDictionary<string, string?>.Empty.Add(Property, "true")
            : ImmutableDictionary<string, string?>.Empty;
}
