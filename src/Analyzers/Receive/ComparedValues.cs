using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// What one side of a comparison reads, followed through the locals it names to the values the function assigns them
/// (a few steps deep): <c>var size = message.Length + result.Count; if (size &gt; Max)</c> reads the store.
/// Only arithmetic is followed: a value that calls a method (<c>var bytes = message.ToArray()</c>) has become something
/// else, whose length a later loop over it compares; and a receive result reads the buffer it was received into, which
/// says nothing of the message's size.
/// </summary>
internal sealed class ComparedValues
{
    private const int MaxSteps = 3;

    private readonly Dictionary<ISymbol, List<IOperation>> _assigned;
    private readonly HashSet<ISymbol> _opaque;

    private ComparedValues(Dictionary<ISymbol, List<IOperation>> assigned, HashSet<ISymbol> opaque)
    {
        _assigned = assigned;
        _opaque = opaque;
    }

    /// <param name="function">Where the locals are assigned.</param>
    /// <param name="opaque">Locals not to follow, such as the receive results.</param>
    public static ComparedValues In(IOperation function, IEnumerable<ISymbol> opaque)
    {
        var assigned = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var operation in function.Descendants())
        {
            var (local, value) = operation switch
            {
                IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { Value: { } initial } => ((ISymbol)declarator.Symbol, initial),
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment => (target.Local, assignment.Value),
                _ => (null, null),
            };
            if (local is null || value is null || CallsOrAwaits(value))
            {
                continue;
            }

            if (!assigned.TryGetValue(local, out var values))
            {
                assigned.Add(local, values = new List<IOperation>());
            }

            values.Add(value);
        }

        return new ComparedValues(assigned, new HashSet<ISymbol>(opaque, SymbolEqualityComparer.Default));
    }

    /// <summary>The locals, fields and parameters <paramref name="side"/> reads, and whether it subtracts on the way.</summary>
    public ComparedSide Read(IOperation side)
    {
        var read = new ComparedSide();
        var pending = new List<IOperation> { side };
        for (var step = 0; step <= MaxSteps && pending.Count > 0; step++)
        {
            var next = new List<IOperation>();
            foreach (var value in pending)
            {
                foreach (var operation in value.DescendantsAndSelf())
                {
                    if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract })
                    {
                        read.Subtracts = true;
                    }

                    if (operation.StorageSymbol() is { } symbol
                        && read.Symbols.Add(symbol)
                        && !_opaque.Contains(symbol)
                        && _assigned.TryGetValue(symbol, out var values))
                    {
                        next.AddRange(values);
                    }
                }
            }

            pending = next;
        }

        return read;
    }

    private static bool CallsOrAwaits(IOperation value)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation or IAwaitOperation)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What one side of a comparison reads (see <see cref="ComparedValues"/>).</summary>
internal sealed class ComparedSide
{
    public HashSet<ISymbol> Symbols { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>True when the side, or a local it reads, subtracts: <c>buffer.Length - filled</c> is room left, not a size.</summary>
    public bool Subtracts { get; set; }
}
