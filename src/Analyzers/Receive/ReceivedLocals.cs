using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Receive;

/// <summary>
/// Locals assigned, within a scope, a value computed from what was received, such as
/// <c>var text = Encoding.UTF8.GetString(buffer, 0, result.Count)</c>; followed through further locals a few steps deep.
/// </summary>
internal sealed class ReceivedLocals
{
    // Enough for decode, then trim or parse; further on, the value has usually become something else.
    private const int MaxSteps = 3;

    private readonly Dictionary<ISymbol, List<IOperation>> _values;

    private ReceivedLocals(Dictionary<ISymbol, List<IOperation>> values) => _values = values;

    /// <param name="scope">Where the assignments are looked for.</param>
    /// <param name="received">The received buffers and receive results.</param>
    public static ReceivedLocals In(IOperation scope, IReadOnlyCollection<ISymbol> received)
    {
        var assignments = Assignments(scope);
        var values = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        for (var step = 0; step < MaxSteps; step++)
        {
            var found = new List<(ISymbol Local, IOperation Value)>();
            foreach (var (local, value) in assignments)
            {
                if (!values.ContainsKey(local) && (received.Any(value.Mentions) || values.Keys.Any(value.Mentions)))
                {
                    found.Add((local, value));
                }
            }

            if (found.Count == 0)
            {
                break;
            }

            foreach (var (local, value) in found)
            {
                if (!values.TryGetValue(local, out var assigned))
                {
                    values.Add(local, assigned = new List<IOperation>());
                }

                assigned.Add(value);
            }
        }

        return new ReceivedLocals(values);
    }

    public bool AnyMentionedIn(IOperation scope) => _values.Keys.Any(scope.Mentions);

    /// <summary>The values that reach <paramref name="scope"/> through received locals, and through the received locals those values read.</summary>
    public IEnumerable<IOperation> ValuesReaching(IOperation scope)
    {
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IOperation>();
        pending.Push(scope);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var local in _values.Keys)
            {
                if (current.Mentions(local) && seen.Add(local))
                {
                    foreach (var value in _values[local])
                    {
                        yield return value;
                        pending.Push(value);
                    }
                }
            }
        }
    }

    private static List<(ISymbol Local, IOperation Value)> Assignments(IOperation scope)
    {
        var assignments = new List<(ISymbol, IOperation)>();
        foreach (var operation in scope.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { Value: { } value }:
                    assignments.Add((declarator.Symbol, value));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    assignments.Add((target.Local, assignment.Value));
                    break;
            }
        }

        return assignments;
    }
}
