using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Whether the value given to a setting is a choice someone in the compilation made, or one passed on from code the
/// analysis cannot see. A wrapper that forwards its parameter is judged by its callers: chosen when one of them passes a
/// value chosen in turn (a constant, most often), up to <see cref="ParameterSizes.MaxValueHops"/> methods up. A field
/// is as chosen as what the compilation writes to it, while it sees every write. A property (a library's own options
/// type, which its users fill) is not followed: its value is its users' choice, made elsewhere.
/// </summary>
internal sealed class SettingChoices
{
    private readonly CallSites _calls;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _parameters = new(SymbolEqualityComparer.Default);

    public SettingChoices(CallSites calls) => _calls = calls;

    /// <summary>True unless the value only passes on a parameter, field or property that nothing visible fills with a choice.</summary>
    public bool IsChosen(IOperation value) => IsChosen(value, ParameterSizes.MaxValueHops);

    private bool IsChosen(IOperation value, int hops)
    {
        switch (value.WithoutConversions())
        {
            case { ConstantValue.HasValue: true } or null:
                return true;
            case IParameterReferenceOperation { Parameter: var parameter }:
                return hops > 0 && _parameters.GetOrAdd(parameter.OriginalDefinition, _ => AnyCallerChooses(parameter, hops - 1));
            case IFieldReferenceOperation { Field: var field }:
                var writes = _calls.WritesTo(field);
                return hops > 0 && writes.IsComplete && writes.Values.Any(written => IsChosen(written, hops - 1));
            case IPropertyReferenceOperation:
                return false;
            case ICoalesceOperation coalesce:
                return IsChosen(coalesce.Value, hops) || IsChosen(coalesce.WhenNull, hops);
            default:
                return true;
        }
    }

    private bool AnyCallerChooses(IParameterSymbol parameter, int hops)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return true;
        }

        foreach (var call in _calls.CallersOf(method).Calls)
        {
            foreach (var argument in CallSites.ArgumentsOf(call))
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition) && IsChosen(argument.Value, hops))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
