using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Methods of the project that append a parameter to a store held in a field of their own object (a MemoryStream,
/// List&lt;byte&gt;, StringBuilder or any store <see cref="MessageSink"/> knows), directly or by handing it to another
/// such method, up to three calls deep, where nothing in the type holding the field checks the store's size. Received
/// bytes handed to one grow that store across fragments as surely as an append in the receive loop.
/// </summary>
internal sealed class FieldAppends
{
    private const int MaxDepth = 3;

    private readonly WellKnownTypes _types;
    private readonly CallSites _calls;
    private readonly ConcurrentDictionary<IParameterSymbol, FieldAppend?> _known = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IFieldSymbol, bool> _capped = new(SymbolEqualityComparer.Default);

    public FieldAppends(WellKnownTypes types, CallSites calls)
    {
        _types = types;
        _calls = calls;
    }

    /// <summary>The unchecked field store the argument's parameter is appended to, in the called source method or deeper.</summary>
    public FieldAppend? Of(IArgumentOperation argument) =>
        argument.Parameter is { } parameter ? Find(parameter, depth: 0) : null;

    /// <summary>
    /// True when code of the type holding <paramref name="field"/> compares the field, or a running total the type keeps
    /// in a field, with a limit, or closes with MessageTooBig under a condition on it. Anywhere in the type, so that a
    /// size check in a helper the loop calls counts too; such a comparison may check something else, and then the
    /// rule stays quiet rather than guess.
    /// </summary>
    public bool IsCapped(IFieldSymbol field) => _capped.GetOrAdd(field.OriginalDefinition, FindCap);

    private FieldAppend? Find(IParameterSymbol parameter, int depth)
    {
        parameter = parameter.OriginalDefinition;
        if (depth >= MaxDepth || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return null;
        }

        if (depth == 0 && _known.TryGetValue(parameter, out var known))
        {
            return known;
        }

        // Through an interface or a virtual member only where one method can run: otherwise which store grows is unknown.
        var implementations = _calls.ImplementationsOf(method);
        FieldAppend? found = null;
        if (implementations.Length == 1
            && implementations[0].Parameters.Length > parameter.Ordinal
            && _calls.BodyOf(implementations[0]) is { } body)
        {
            found = FindIn(body, implementations[0], implementations[0].Parameters[parameter.Ordinal], depth);
        }

        if (depth == 0)
        {
            _known.TryAdd(parameter, found);
        }

        return found;
    }

    private FieldAppend? FindIn(IOperation body, IMethodSymbol method, IParameterSymbol parameter, int depth)
    {
        var carriers = ParameterCarriers.In(body, parameter);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (MessageSink.TryMatch(operation, _types) is { Symbol: IFieldSymbol field } sink
                && IsOwnField(sink.Store)
                && ParameterCarriers.MentionsAny(sink.Append, carriers)
                && !IsReplacedOnEveryCall(body, field, sink.Append)
                && !IsCapped(field))
            {
                return new FieldAppend(field, method);
            }

            if (operation is IArgumentOperation { Parameter: { } next, Parent: IInvocationOperation call } handedOn
                && ParameterCarriers.MentionsAny(handedOn.Value, carriers)
                && !SymbolEqualityComparer.Default.Equals(next.ContainingSymbol.OriginalDefinition, method.OriginalDefinition)
                && (call.Instance is null or IInstanceReferenceOperation || IsOwnField(call.Instance))
                && Find(next, depth + 1) is { } deeper)
            {
                return deeper;
            }
        }

        return null;
    }

    /// <summary>A field of the object the method runs on, or a static one: it lives as long as that object.</summary>
    private static bool IsOwnField(IOperation? store) =>
        store.WithoutConversions() is IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation };

    /// <summary>
    /// True when the method assigns the field a new store in its own block, not under a condition, besides the append
    /// itself: the store then holds one call's data. A reset under a condition (a new message) leaves it growing.
    /// </summary>
    private static bool IsReplacedOnEveryCall(IOperation body, IFieldSymbol field, IOperation append)
    {
        var statements = body is IBlockOperation block ? block.Operations : ImmutableArray<IOperation>.Empty;
        foreach (var statement in statements)
        {
            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment }
                && assignment != append
                && SymbolEqualityComparer.Default.Equals(assignment.Target.StorageSymbol(), field))
            {
                return true;
            }
        }

        return false;
    }

    private bool FindCap(IFieldSymbol field)
    {
        var bodies = _calls.BodiesIn(field.ContainingType).ToList();
        var measures = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { field };
        foreach (var body in bodies)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
                    && compound.Target.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                    && compound.Target.StorageSymbol() is IFieldSymbol total)
                {
                    measures.Add(total.OriginalDefinition);
                }
            }
        }

        foreach (var body in bodies)
        {
            var values = ComparedValues.In(body, Enumerable.Empty<ISymbol>());
            foreach (var operation in body.Descendants())
            {
                if (SizeCaps.AsLimitComparison(operation, _calls) is { } comparison
                    && SizeCaps.Compares(comparison, values, symbol => measures.Contains(symbol.OriginalDefinition)))
                {
                    return true;
                }

                if (operation is IConditionalOperation conditional && conditional.Condition.Mentions(field) && SizeCaps.ClosesWithMessageTooBig(conditional))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>A store held in a field that a method of the project appends its caller's data to.</summary>
internal sealed class FieldAppend
{
    public FieldAppend(IFieldSymbol field, IMethodSymbol method)
    {
        Field = field;
        Method = method;
    }

    public IFieldSymbol Field { get; }

    /// <summary>The method that appends, which the loop calls or which is reached from the one it calls.</summary>
    public IMethodSymbol Method { get; }

    /// <summary>The store as the diagnostic names it: <c>MessageAssembler._buffer</c>.</summary>
    public string StoreName => Field.ContainingType.Name + "." + Field.Name;
}
