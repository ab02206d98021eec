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
/// parameter of a member other assemblies can call is unbounded: any caller's data can arrive there.
/// </summary>
internal sealed class ParameterSizes
{
    /// <summary>How many callers up the analysis follows a value, as in a public method, a helper and the method that sends.</summary>
    private const int MaxCallerHops = 3;

    private readonly CallSites _calls;
    private readonly Func<ITypeSymbol?, bool> _isPayload;
    private readonly ConcurrentDictionary<IParameterSymbol, PayloadSize.PayloadSize> _known = new(SymbolEqualityComparer.Default);

    public ParameterSizes(CallSites calls, Func<ITypeSymbol?, bool> isPayload)
    {
        _calls = calls;
        _isPayload = isPayload;
    }

    /// <summary>The size of the parameter read by <paramref name="reference"/>; <paramref name="evaluate"/> sizes a caller's argument.</summary>
    public PayloadSize.PayloadSize Evaluate(
        IParameterReferenceOperation reference, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate)
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

        if (CallSites.IsCallableFromOutside(method))
        {
            return _isPayload(parameter.Type)
                ? PayloadSize.PayloadSize.Unbounded($"the '{parameter.Name}' parameter of the public '{NameOf(method)}'")
                : PayloadSize.PayloadSize.Unknown;
        }

        var hops = visiting.Count(symbol => symbol is IParameterSymbol);
        if (hops >= MaxCallerHops)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        if (hops == 0 && _known.TryGetValue(parameter.OriginalDefinition, out var known))
        {
            return known;
        }

        var size = OverCallers(parameter, method, visiting.Add(parameter), evaluate);
        if (hops == 0)
        {
            _known.TryAdd(parameter.OriginalDefinition, size);
        }

        return size;
    }

    private PayloadSize.PayloadSize OverCallers(
        IParameterSymbol parameter, IMethodSymbol method, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate)
    {
        var callers = _calls.CallersOf(method);
        if (!callers.IsComplete || callers.Calls.IsEmpty)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        PayloadSize.PayloadSize? bounded = null;
        var anyUnknown = false;
        foreach (var call in callers.Calls)
        {
            var argument = call.Arguments.FirstOrDefault(candidate => candidate.Parameter?.Ordinal == parameter.Ordinal);
            var size = argument is null ? PayloadSize.PayloadSize.Unknown : evaluate(argument.Value, visiting);
            if (size.IsUnbounded)
            {
                // One caller that passes an unbounded value is enough; the diagnostic names it.
                var caller = CallerName(call);
                return caller is null || size.Origin.IndexOf('\'') >= 0
                    ? size
                    : PayloadSize.PayloadSize.Unbounded($"{size.Origin} in '{caller}'");
            }

            anyUnknown |= !size.IsBounded;
            bounded = bounded is { } sofar ? PayloadSize.PayloadSize.Either(sofar, size) : size;
        }

        return anyUnknown || bounded is not { } all ? PayloadSize.PayloadSize.Unknown : all;
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

    private static string? CallerName(IOperation call) =>
        call.SemanticModel?.GetEnclosingSymbol(call.Syntax.SpanStart) is IMethodSymbol caller ? NameOf(caller) : null;

    private static string NameOf(IMethodSymbol method) =>
        method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.ContainingType.Name + "." + method.Name;
}
