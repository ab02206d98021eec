using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// How large the result of a call to a source method gets, from the values its body returns: a project's own
/// <c>ToJson()</c> or <c>BuildFrame()</c> is as large as what it hands back.
/// </summary>
internal sealed class ReturnedSizes
{
    /// <summary>How many calls deep the analysis follows a returned value.</summary>
    private const int MaxCallHops = 3;

    private readonly CallSites _calls;

    public ReturnedSizes(CallSites calls) => _calls = calls;

    /// <summary>The size of what <paramref name="invocation"/> returns; <paramref name="evaluate"/> sizes one returned value.</summary>
    public PayloadSize.PayloadSize Evaluate(
        IInvocationOperation invocation, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.ReturnsVoid
            || visiting.Contains(method)
            || visiting.Count(symbol => symbol is IMethodSymbol) >= MaxCallHops
            || method.IsVirtual || method.IsAbstract || method.IsOverride
            || _calls.BodyOf(method) is not { } body)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        var inner = visiting.Add(method);
        return ValueUnion.Of(ReturnedValues(body), returned => evaluate(returned, inner), _ => ValueUnion.NameOf(method));
    }

    /// <summary>The values the method's own returns hand back; those of lambdas and local functions inside it are theirs.</summary>
    private static ImmutableArray<IOperation> ReturnedValues(IOperation body)
    {
        if (body is not IBlockOperation)
        {
            return ImmutableArray.Create(body);
        }

        var values = ImmutableArray.CreateBuilder<IOperation>();
        foreach (var operation in body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value } && !InsideNestedFunction(operation, body))
            {
                values.Add(value);
            }
        }

        return values.ToImmutable();
    }

    private static bool InsideNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }
}
