using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// A parameter and the locals a method body makes from it (<c>var piece = Encoding.UTF8.GetString(data)</c>,
/// <c>var span = data.Span</c>), followed a few declarations deep: what carries the caller's data inside the method.
/// </summary>
internal static class ParameterCarriers
{
    private const int MaxRounds = 3;

    public static HashSet<ISymbol> In(IOperation body, IParameterSymbol parameter)
    {
        var carriers = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { parameter };
        for (var round = 0; round < MaxRounds; round++)
        {
            var added = false;
            foreach (var operation in body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation { Initializer.Value: { } value } declarator
                    && MentionsAny(value, carriers) && carriers.Add(declarator.Symbol))
                {
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        return carriers;
    }

    public static bool MentionsAny(IOperation scope, HashSet<ISymbol> carriers)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation.StorageSymbol() is { } symbol && carriers.Contains(symbol))
            {
                return true;
            }
        }

        return false;
    }
}
