using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Receive;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// Methods of the project that treat a parameter as one whole message: they decode or parse it (Encoding.GetString,
/// JSON deserialization), directly, through locals made from it, or by handing it to another such method. Received
/// bytes handed to one are used as a message as surely as bytes decoded on the spot.
/// </summary>
internal sealed class MessageHandlers
{
    private const int MaxDepth = 3;

    private readonly WellKnownTypes _types;
    private readonly CallSites _calls;
    private readonly ConcurrentDictionary<IParameterSymbol, bool> _known = new(SymbolEqualityComparer.Default);

    public MessageHandlers(WellKnownTypes types, CallSites calls)
    {
        _types = types;
        _calls = calls;
    }

    /// <summary>True when the argument's parameter, in the called source method, is decoded or parsed as a message.</summary>
    public bool ConsumesAsMessage(IArgumentOperation argument) =>
        argument.Parameter is { } parameter && Consumes(parameter, depth: 0);

    private bool Consumes(IParameterSymbol parameter, int depth)
    {
        parameter = parameter.OriginalDefinition;
        if (depth >= MaxDepth || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return false;
        }

        if (_known.TryGetValue(parameter, out var known))
        {
            return known;
        }

        var consumes = _calls.BodyOf(method) is { } body && ConsumedIn(body, parameter, depth);
        if (depth == 0)
        {
            _known.TryAdd(parameter, consumes);
        }

        return consumes;
    }

    private bool ConsumedIn(IOperation body, IParameterSymbol parameter, int depth)
    {
        var carriers = ParameterCarriers.In(body, parameter);
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (MessageConsumers.IsMessageConsumer(operation, _types) && ParameterCarriers.MentionsAny(operation, carriers))
            {
                return true;
            }

            if (operation is IArgumentOperation { Parameter: { } next, Parent: IInvocationOperation } handedOn
                && ParameterCarriers.MentionsAny(handedOn.Value, carriers)
                && !next.ContainingSymbol.Equals(parameter.ContainingSymbol, SymbolEqualityComparer.Default)
                && Consumes(next, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
