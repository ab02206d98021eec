using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Limits that cannot fire: a constant of int.MaxValue bytes or more, which no buffer reaches, or a parameter whose
/// default is one and which no caller in the compilation sets (a <c>long maxMessageSize = long.MaxValue</c> nobody passes).
/// </summary>
internal static class NoLimits
{
    public static bool BoundsNothing(IOperation operand, CallSites calls)
    {
        var value = operand.WithoutConversions();
        if (value is { ConstantValue: { HasValue: true } constant } && IsHuge(constant.Value))
        {
            return true;
        }

        if (value is not IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true } parameter }
            || !IsHuge(parameter.ExplicitDefaultValue)
            || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        return calls.AllCallsTo(method, exceptFromOutside: false) is { } all && all.All(call => CallSites.ArgumentsOf(call).All(
            argument => argument.Parameter?.Ordinal != parameter.Ordinal || argument.ArgumentKind == ArgumentKind.DefaultValue || (argument.Value.ConstantValue.HasValue && IsHuge(argument.Value.ConstantValue.Value))));
    }

    private static bool IsHuge(object? value) => value is int or long or uint or ulong && System.Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) >= int.MaxValue;
}
