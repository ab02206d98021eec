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
    private List<HashSet<ISymbol>>? _comparisons;

    private ReceivedLocals? _receivedLocals;

    private readonly WellKnownTypes _types;
    private readonly CallSites? _calls;

    private ReceiveLoop(ILoopOperation loop, ImmutableArray<WebSocketReceiveCall> receives, WellKnownTypes types, CallSites? calls)
    {
        _types = types;
        _calls = calls;
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

        return receives.Count > 0 ? new ReceiveLoop(loop, receives.ToImmutable(), types, use?.Calls) : null;
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
    /// True where the code bounds the store: its size, or a running total of received bytes, is compared with
    /// something in the function, or the loop closes with MessageTooBig under a condition on the store.
    /// </summary>
    public bool IsSizeChecked(MessageSink sink)
    {
        var compared = ComparedSymbols(sink);
        if (compared.Contains(sink.Symbol) || RunningTotals().Exists(compared.Contains))
        {
            return true;
        }

        foreach (var operation in Loop.Descendants())
        {
            if (operation is IConditionalOperation conditional && conditional.Condition.Mentions(sink.Symbol) && ClosesWithMessageTooBig(conditional))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every local, field or parameter that a relational comparison in the function reads. For an array, a comparison
    /// of it with how far it is filled (a running total, or a receive result) asks whether it is full: it bounds nothing.
    /// </summary>
    private HashSet<ISymbol> ComparedSymbols(MessageSink sink)
    {
        var fillLevels = sink.Store.Type is IArrayTypeSymbol ? FillLevels() : null;
        var compared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var comparison in Comparisons())
        {
            if (fillLevels is null || !comparison.Contains(sink.Symbol) || !fillLevels.Exists(comparison.Contains))
            {
                compared.UnionWith(comparison);
            }
        }

        return compared;
    }

    /// <summary>The symbols each relational comparison in the function reads, found once per loop.</summary>
    private List<HashSet<ISymbol>> Comparisons()
    {
        if (_comparisons is not null)
        {
            return _comparisons;
        }

        var comparisons = new List<HashSet<ISymbol>>();
        foreach (var operation in Loop.EnclosingFunction().Descendants())
        {
            if (operation is IBinaryOperation binary && binary.OperatorKind.IsRelational() && !ComparesWithNoLimit(binary))
            {
                var symbols = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                foreach (var part in binary.Descendants())
                {
                    if (part.StorageSymbol() is { } symbol)
                    {
                        symbols.Add(symbol);
                    }
                }

                comparisons.Add(symbols);
            }
        }

        return _comparisons = comparisons;
    }

    /// <summary>A comparison with a limit that cannot fire checks nothing.</summary>
    private bool ComparesWithNoLimit(IBinaryOperation binary) =>
        _calls is not null && (NoLimits.BoundsNothing(binary.LeftOperand, _calls) || NoLimits.BoundsNothing(binary.RightOperand, _calls));

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

    private static bool ClosesWithMessageTooBig(IConditionalOperation conditional)
    {
        foreach (var operation in conditional.Descendants())
        {
            if (operation is IFieldReferenceOperation { Field.Name: "MessageTooBig" })
            {
                return true;
            }
        }

        return false;
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

    /// <summary>Locals the loop adds to, such as <c>total += result.Count</c>.</summary>
    private List<ISymbol> RunningTotals()
    {
        var totals = new List<ISymbol>();
        foreach (var operation in Loop.Descendants())
        {
            if (operation is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } compound
                && compound.Target.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                && compound.Target.StorageSymbol() is { } total)
            {
                totals.Add(total);
            }
        }

        return totals;
    }
}
