using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.PayloadSize;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// How large a parameter gets, from what its callers pass. Bounded when every caller in the compilation passes a
/// bounded value; unbounded when one caller passes an unbounded one, and the origin then names that caller. A payload
/// parameter of a member other assemblies can call is unbounded, since any caller's data can arrive there, unless the
/// project asks for only the callers it shows to be judged (wslimits.public_callers = visible).
/// </summary>
internal sealed class ParameterSizes
{
    /// <summary>
    /// How many parameters and fields the analysis follows one value through, as from a public method through a helper
    /// and a queued object's field to the method that sends.
    /// </summary>
    public const int MaxValueHops = 3;

    private readonly CallSites _calls;
    private readonly Func<ITypeSymbol?, bool> _isPayload;
    private readonly bool _onlyVisibleCallers;
    private readonly ConcurrentDictionary<IParameterSymbol, PayloadSize.PayloadSize> _known = new(SymbolEqualityComparer.Default);

    public ParameterSizes(CallSites calls, Func<ITypeSymbol?, bool> isPayload, bool onlyVisibleCallers)
    {
        _calls = calls;
        _isPayload = isPayload;
        _onlyVisibleCallers = onlyVisibleCallers;
    }

    /// <summary>True for a member whose parameters carry anything: callable from other assemblies, unless only visible callers are judged.</summary>
    public bool TakesAnyCaller(IMethodSymbol method) => !_onlyVisibleCallers && CallSites.IsCallableFromOutside(method);

    /// <summary>
    /// The size of the parameter read by <paramref name="reference"/>; <paramref name="evaluate"/> sizes a caller's
    /// argument. With <paramref name="anyType"/>, a parameter of any type of a public member is unbounded, as the object
    /// a serializer writes is.
    /// </summary>
    public PayloadSize.PayloadSize Evaluate(
        IParameterReferenceOperation reference, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate, bool anyType = false)
    {
        var parameter = reference.Parameter;
        if (parameter.RefKind != RefKind.None
            || parameter.IsParams
            || visiting.Contains(parameter)
            || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method
            || IsChangedOrChecked(reference, parameter))
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        if (TakesAnyCaller(method))
        {
            return anyType || _isPayload(parameter.Type)
                ? PayloadSize.PayloadSize.Unbounded($"the '{parameter.Name}' parameter of the public '{ValueUnion.NameOf(method)}'")
                : PayloadSize.PayloadSize.Unknown;
        }

        var hops = visiting.Count(symbol => symbol is IParameterSymbol or IFieldSymbol);
        if (hops >= MaxValueHops)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        if (hops == 0 && !anyType && _known.TryGetValue(parameter.OriginalDefinition, out var known))
        {
            return known;
        }

        var size = OverCallers(parameter, method, visiting.Add(parameter), evaluate);
        if (hops == 0 && !anyType)
        {
            _known.TryAdd(parameter.OriginalDefinition, size);
        }

        return size;
    }

    private PayloadSize.PayloadSize OverCallers(
        IParameterSymbol parameter, IMethodSymbol method, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate)
    {
        if (_calls.AllCallsTo(method, _onlyVisibleCallers) is not { IsEmpty: false } calls)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        return ValueUnion.Of(
            calls.Select(call => CallSites.ArgumentsOf(call).FirstOrDefault(argument => argument.Parameter?.Ordinal == parameter.Ordinal)?.Value),
            argument => evaluate(argument, visiting),
            ValueUnion.EnclosingMemberName);
    }

    /// <summary>A parameter the method assigns, or whose length it compares, is not simply what the caller passed.</summary>
    private static bool IsChangedOrChecked(IOperation reference, IParameterSymbol parameter)
    {
        if (LocalWrites.IsLengthChecked(reference, parameter))
        {
            return true;
        }

        var root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IAssignmentOperation assignment && SymbolEqualityComparer.Default.Equals(assignment.Target.StorageSymbol(), parameter))
            {
                return true;
            }
        }

        return false;
    }
}
