using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// A loop that calls ReceiveAsync, with what the receive rules ask of it: whether it reads until EndOfMessage,
/// which stores the received data is appended to, and whether their size is checked.
/// </summary>
internal sealed class ReceiveLoop
{
    private List<IBinaryOperation>? _comparisons;

    private ComparedValues? _values;

    private ReceivedLocals? _receivedLocals;

    private readonly WellKnownTypes _types;
    private readonly CallSites? _calls;
    private readonly FieldAppends? _fields;

    private ReceiveLoop(ILoopOperation loop, ImmutableArray<WebSocketReceiveCall> receives, WellKnownTypes types, WebSocketUse? use)
    {
        _types = types;
        _calls = use?.Calls;
        _fields = use?.FieldAppends;
        Loop = loop;
        Receives = receives;
    }

    public ILoopOperation Loop { get; }

    public ImmutableArray<WebSocketReceiveCall> Receives { get; }

    /// <summary>
    /// The loop, if it calls ReceiveAsync itself (not only in a nested loop), on the socket or, with the compilation's
    /// <paramref name="use"/>, through a method of the project that receives for it; <paramref name="use"/> also tells
    /// which limits cannot fire.
    /// </summary>
    public static ReceiveLoop? TryCreate(ILoopOperation loop, WellKnownTypes types, WebSocketUse? use = null)
    {
        var receives = ImmutableArray.CreateBuilder<WebSocketReceiveCall>();
        foreach (var operation in loop.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && WebSocketReceiveCall.TryCreate(invocation, types, use?.Receives) is { } receive
                && receive.Invocation.EnclosingLoop() == loop)
            {
                receives.Add(receive);
            }
        }

        return receives.Count > 0 ? new ReceiveLoop(loop, receives.ToImmutable(), types, use) : null;
    }

    /// <summary>True when the loop looks at EndOfMessage, in its condition or its body: it reassembles messages.</summary>
    public bool ReadsUntilEndOfMessage => EndOfMessageChecks.AnyIn(Loop, _types);

    /// <summary>Appends of received data to stores that outlive one iteration, so they grow across fragments.</summary>
    public IEnumerable<MessageSink> GrowingSinks()
    {
        foreach (var operation in Loop.Descendants())
        {
            if (MessageSink.TryMatch(operation, _types) is { } sink && CarriesReceivedData(sink.Append) && OutlivesOneIteration(sink.Symbol))
            {
                yield return sink;
            }
        }
    }

    /// <summary>
    /// Calls in the loop that hand the received data to a method of the project that appends it to a store held in a
    /// field (see <see cref="FieldAppends"/>), on an object that outlives one iteration.
    /// </summary>
    public IEnumerable<AppendThroughCall> AppendsThroughCalls()
    {
        if (_fields is null)
        {
            yield break;
        }

        foreach (var operation in Loop.Descendants())
        {
            if (operation is not IInvocationOperation call
                || IsReceive(call)
                || MessageSink.TryMatch(call, _types) is not null
                || RunsOnlyAtEndOfMessage(call)
                || !ReceiverOutlivesOneIteration(call.Instance, out var receiver))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (CarriesReceivedData(argument.Value) && _fields.Of(argument) is { } append)
                {
                    yield return new AppendThroughCall(call, append, receiver);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// True where the code bounds the store: a comparison in the function reads its size, or a running total of
    /// received bytes, directly or through locals; or the loop closes with MessageTooBig under a condition on the
    /// store; or, for a store held in a field, the type holding it checks its size.
    /// </summary>
    public bool IsSizeChecked(MessageSink sink)
    {
        var totals = RunningTotals();
        var fillLevels = sink.Store.Type is IArrayTypeSymbol ? FillLevels() : null;
        foreach (var comparison in Comparisons())
        {
            var left = Values().Read(comparison.LeftOperand);
            var right = Values().Read(comparison.RightOperand);
            if (fillLevels is not null && AsksWhetherFull(left, right, sink.Symbol, fillLevels))
            {
                continue;
            }

            if (Grows(left, sink.Symbol, totals) || Grows(right, sink.Symbol, totals))
            {
                return true;
            }
        }

        return (sink.Symbol is IFieldSymbol field && _fields?.IsCapped(field) == true)
            || ClosesWithMessageTooBigOn(sink.Symbol);
    }

    /// <summary>
    /// True where the function compares the object the data is handed to, the field store itself or a running total,
    /// or closes with MessageTooBig under a condition on them; or the type holding the field checks its size.
    /// </summary>
    public bool IsSizeChecked(AppendThroughCall append)
    {
        var totals = RunningTotals();
        var measures = new List<ISymbol>(totals) { append.Append.Field };
        if (append.Receiver is not null)
        {
            measures.Add(append.Receiver);
        }

        foreach (var comparison in Comparisons())
        {
            if (SizeCaps.Compares(comparison, Values(), symbol => measures.Contains(symbol.OriginalDefinition, SymbolEqualityComparer.Default)))
            {
                return true;
            }
        }

        return _fields?.IsCapped(append.Append.Field) == true
            || ClosesWithMessageTooBigOn(append.Append.Field)
            || (append.Receiver is not null && ClosesWithMessageTooBigOn(append.Receiver));
    }

    private static bool Grows(ComparedSide side, ISymbol store, List<ISymbol> totals) =>
        side.Symbols.Contains(store) || totals.Exists(side.Symbols.Contains);

    /// <summary>
    /// For an array, a comparison of it with how far it is filled (a running total, or a receive result) asks whether
    /// it is full: <c>count &gt;= buffer.Length</c>, <c>buffer.Length - filled &lt; 512</c>. It bounds nothing, while
    /// <c>buffer.Length + result.Count &gt; Max</c> does.
    /// </summary>
    private static bool AsksWhetherFull(ComparedSide left, ComparedSide right, ISymbol array, List<ISymbol> fillLevels)
    {
        bool HasFill(ComparedSide side) => fillLevels.Exists(side.Symbols.Contains);
        var leftArray = left.Symbols.Contains(array);
        var rightArray = right.Symbols.Contains(array);
        return (leftArray && HasFill(right))
            || (rightArray && HasFill(left))
            || (leftArray && left.Subtracts && HasFill(left))
            || (rightArray && right.Subtracts && HasFill(right));
    }

    /// <summary>The relational comparisons in the function, but those with a limit that cannot fire; found once per loop.</summary>
    private List<IBinaryOperation> Comparisons()
    {
        if (_comparisons is not null)
        {
            return _comparisons;
        }

        var comparisons = new List<IBinaryOperation>();
        foreach (var operation in Loop.EnclosingFunction().Descendants())
        {
            if (SizeCaps.AsLimitComparison(operation, _calls) is { } comparison)
            {
                comparisons.Add(comparison);
            }
        }

        return _comparisons = comparisons;
    }

    /// <summary>What comparisons read through the function's locals; a receive result is not followed.</summary>
    private ComparedValues Values() =>
        _values ??= ComparedValues.In(Loop.EnclosingFunction(), Receives.Select(receive => receive.ResultSymbol).OfType<ISymbol>());

    private List<ISymbol> FillLevels()
    {
        var levels = RunningTotals();
        foreach (var receive in Receives)
        {
            if (receive.ResultSymbol is { } result)
            {
                levels.Add(result);
            }
        }

        return levels;
    }

    private bool ClosesWithMessageTooBigOn(ISymbol store)
    {
        foreach (var operation in Loop.Descendants())
        {
            if (operation is IConditionalOperation conditional && conditional.Condition.Mentions(store) && SizeCaps.ClosesWithMessageTooBig(conditional))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True under <c>if (result.EndOfMessage)</c>: a call made once the message is complete hands on whole messages,
    /// which a method may well keep (a history, a queue); this rule is about the fragments of one.
    /// </summary>
    private bool RunsOnlyAtEndOfMessage(IOperation operation)
    {
        for (var current = operation; current != Loop && current.Parent is { } parent; current = parent)
        {
            if (parent is IConditionalOperation conditional && conditional.WhenTrue == current && EndOfMessageChecks.HoldsOnlyAtEnd(conditional.Condition, _types))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsReceive(IInvocationOperation call) => Receives.Any(receive => receive.Invocation == call);

    /// <summary>
    /// True when the object a method is called on lives longer than one iteration: this, a static member, a field, a
    /// parameter, or a local declared outside the loop. <paramref name="receiver"/> is that field, parameter or local.
    /// </summary>
    private bool ReceiverOutlivesOneIteration(IOperation? instance, out ISymbol? receiver)
    {
        receiver = null;
        switch (instance.WithoutConversions())
        {
            case null:
            case IInstanceReferenceOperation:
                return true;
            case var other when other.StorageSymbol() is { } symbol:
                receiver = symbol;
                return OutlivesOneIteration(symbol);
            default:
                return false;
        }
    }

    /// <summary>
    /// True when <paramref name="scope"/> touches the bytes or the result of any receive in the loop, directly or
    /// through a local the loop computes from them.
    /// </summary>
    public bool CarriesReceivedData(IOperation scope)
    {
        foreach (var receive in Receives)
        {
            if (receive.DataFlowsInto(scope))
            {
                return true;
            }
        }

        return LocalsHoldingReceivedData().AnyMentionedIn(scope);
    }

    /// <summary>Locals the loop computes from the received bytes or results, found once per loop.</summary>
    public ReceivedLocals LocalsHoldingReceivedData()
    {
        if (_receivedLocals is not null)
        {
            return _receivedLocals;
        }

        return _receivedLocals = ReceivedLocals.In(Loop, Receives.SelectMany(receive => receive.DataSymbols).ToList());
    }

    private bool OutlivesOneIteration(ISymbol store)
    {
        if (store is not ILocalSymbol local)
        {
            return true;
        }

        foreach (var operation in Loop.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Variables declared outside the loop that it adds to, such as <c>total += result.Count</c> or <c>total = total + result.Count</c>.</summary>
    private List<ISymbol> RunningTotals()
    {
        var totals = new List<ISymbol>();
        foreach (var operation in Loop.Descendants())
        {
            var total = operation switch
            {
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound => compound.Target,
                ISimpleAssignmentOperation { Value: IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum } assignment
                    when sum.Descendants().Any(part => SymbolEqualityComparer.Default.Equals(part.StorageSymbol(), assignment.Target.StorageSymbol()))
                    => assignment.Target,
                _ => null,
            };
            // A total declared in the loop starts again with every fragment: it counts the last one only.
            if (total?.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && total.StorageSymbol() is { } symbol
                && OutlivesOneIteration(symbol))
            {
                totals.Add(symbol);
            }
        }

        return totals;
    }
}
