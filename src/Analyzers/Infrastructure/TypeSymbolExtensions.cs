using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

internal static class TypeSymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="expected"/>, or a construction of it.</summary>
    public static bool Is(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    public static bool IsOrDerivesFrom(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Is(expected))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is the generic interface <paramref name="expected"/>, or implements a construction of it.</summary>
    public static bool IsOrImplements(this ITypeSymbol? type, INamedTypeSymbol? expected)
    {
        if (type is null)
        {
            return false;
        }

        if (type.Is(expected))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.Is(expected))
            {
                return true;
            }
        }

        return false;
    }
}
