using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// How many arguments a call to one of some methods can have, so that a call can be told apart from its syntax alone,
/// before anything is bound.
/// </summary>
internal readonly struct ArgumentCounts
{
    private readonly int _least;
    private readonly int _most;

    private ArgumentCounts(int least, int most)
    {
        _least = least;
        _most = most;
    }

    /// <summary>No call at all: the start of a <see cref="Or"/>.</summary>
    public static ArgumentCounts None { get; } = new(int.MaxValue, -1);

    /// <param name="methods">The targets of a call: at least one.</param>
    public static ArgumentCounts Of(IEnumerable<IMethodSymbol> methods)
    {
        var counts = None;
        foreach (var method in methods)
        {
            var parameters = method.Parameters;
            var required = parameters.Count(parameter => !parameter.IsOptional && !parameter.IsParams);
            var takesAnyMore = method.IsVararg || parameters.Any(parameter => parameter.IsParams);
            counts = counts.Or(Range(required, parameters.Length, method.IsExtensionMethod, takesAnyMore));
        }

        return counts;
    }

    /// <summary>The counts a call to a method declared with these parameters can have.</summary>
    public static ArgumentCounts Of(ParameterListSyntax parameters)
    {
        var list = parameters.Parameters;
        var required = list.Count(parameter => parameter.Default is null && !HasModifier(parameter, SyntaxKind.ParamsKeyword));
        var isExtension = list.Count > 0 && HasModifier(list[0], SyntaxKind.ThisKeyword);
        var takesAnyMore = list.Any(parameter => HasModifier(parameter, SyntaxKind.ParamsKeyword) || parameter.Identifier.IsKind(SyntaxKind.ArgListKeyword));
        return Range(required, list.Count, isExtension, takesAnyMore);
    }

    /// <summary>The counts either of two sets of methods takes, without the gaps between them.</summary>
    public ArgumentCounts Or(ArgumentCounts other) => new(Math.Min(_least, other._least), Math.Max(_most, other._most));

    public bool Allow(SyntaxNode call)
    {
        var count = call switch
        {
            InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Count,
            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList?.Arguments.Count ?? 0,
            _ => -1,
        };
        return count < 0 || (count >= _least && count <= _most);
    }

    /// <summary>An extension method called on its receiver takes one argument fewer; params and __arglist take any more.</summary>
    private static ArgumentCounts Range(int required, int declared, bool isExtension, bool takesAnyMore) =>
        new(isExtension ? Math.Max(0, required - 1) : required, takesAnyMore ? int.MaxValue : declared);

    private static bool HasModifier(ParameterSyntax parameter, SyntaxKind modifier) => parameter.Modifiers.Any(modifier);
}
