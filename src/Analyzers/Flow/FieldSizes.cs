using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// How large a field gets, from every value the compilation writes to it: a message queued in one method as an
/// object holding the caller's bytes is as large as those bytes when another method sends it.
/// </summary>
internal sealed class FieldSizes
{
    private readonly CallSites _calls;
    private readonly Func<ITypeSymbol?, bool> _isPayload;

    public FieldSizes(CallSites calls, Func<ITypeSymbol?, bool> isPayload)
    {
        _calls = calls;
        _isPayload = isPayload;
    }

    /// <summary>The size of the field read by <paramref name="reference"/>; <paramref name="evaluate"/> sizes one written value.</summary>
    public PayloadSize.PayloadSize Evaluate(
        IFieldReferenceOperation reference, ImmutableHashSet<ISymbol> visiting, Func<IOperation, ImmutableHashSet<ISymbol>, PayloadSize.PayloadSize> evaluate)
    {
        var field = reference.Field.OriginalDefinition;
        if (!_isPayload(field.Type)
            || field.DeclaringSyntaxReferences.IsEmpty
            || visiting.Contains(field)
            || visiting.Count(symbol => symbol is IParameterSymbol or IFieldSymbol) >= ParameterSizes.MaxValueHops)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        var writes = _calls.WritesTo(field);
        if (!writes.IsComplete || writes.Values.IsEmpty)
        {
            return PayloadSize.PayloadSize.Unknown;
        }

        var inner = visiting.Add(field);
        return ValueUnion.Of(writes.Values, value => evaluate(value, inner), ValueUnion.EnclosingMemberName);
    }
}
