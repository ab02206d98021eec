using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>Calls that treat bytes as a complete message: text decoding and JSON parsing.</summary>
internal static class MessageConsumers
{
    /// <summary>True for Encoding.GetString/GetChars and System.Text.Json deserialization or parsing.</summary>
    public static bool IsMessageConsumer(IOperation operation, WellKnownTypes types) => operation switch
    {
        IInvocationOperation invocation => IsTextDecode(invocation, types) || IsJsonParse(invocation, types),
        IObjectCreationOperation creation => creation.Type.Is(types.SystemTextJsonReader),
        IInvalidOperation invalid => IsUnboundJsonDeserialize(invalid, types),
        _ => false,
    };

    /// <summary>
    /// A deserializer call that does not bind because one argument does not resolve, typically the
    /// <c>JsonSerializerContext</c> a source generator makes, where the generator has not run: every candidate the
    /// compiler weighed is a JsonSerializer.Deserialize overload, so that is what the code calls.
    /// </summary>
    private static bool IsUnboundJsonDeserialize(IInvalidOperation invalid, WellKnownTypes types)
    {
        if (invalid.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax || invalid.SemanticModel is not { } model)
        {
            return false;
        }

        var candidates = model.GetSymbolInfo(invalid.Syntax).CandidateSymbols;
        foreach (var candidate in candidates)
        {
            if (candidate is not IMethodSymbol { Name: "Deserialize" } method || !method.ContainingType.Is(types.SystemTextJsonSerializer))
            {
                return false;
            }
        }

        return !candidates.IsEmpty;
    }

    /// <summary>Encoding.GetString or GetChars with an encoding that may use several bytes per character.</summary>
    public static bool IsMultiByteTextDecode(IInvocationOperation invocation, WellKnownTypes types) =>
        IsTextDecode(invocation, types)
        && invocation.Instance is not IPropertyReferenceOperation { Property.Name: "ASCII" or "Latin1" };

    public static string DisplayName(IInvocationOperation decode) =>
        decode.Instance is IPropertyReferenceOperation property
            ? $"Encoding.{property.Property.Name}.{decode.TargetMethod.Name}"
            : $"Encoding.{decode.TargetMethod.Name}";

    private static bool IsTextDecode(IInvocationOperation invocation, WellKnownTypes types) =>
        invocation.TargetMethod.Name is "GetString" or "GetChars" && invocation.TargetMethod.ContainingType.IsOrDerivesFrom(types.Encoding);

    private static bool IsJsonParse(IInvocationOperation invocation, WellKnownTypes types)
    {
        var type = invocation.TargetMethod.ContainingType;
        return (type.Is(types.SystemTextJsonSerializer) && invocation.TargetMethod.Name.StartsWith("Deserialize", System.StringComparison.Ordinal))
            || (type.Is(types.SystemTextJsonDocument) && invocation.TargetMethod.Name.StartsWith("Parse", System.StringComparison.Ordinal));
    }
}
