using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The names a send or a receive can be called by in one compilation: the socket's own, and those of the project's
/// methods that may pass their caller's framing or buffer on to such a call (a wrapper, an adapter, an interface's
/// implementation), whatever they are called, up to <see cref="MaxDepth"/> methods up. Found from syntax alone: a
/// method that passes one of its parameters of the telling type (a <c>bool</c> or <c>WebSocketMessageFlags</c> for a
/// send, a byte buffer for a receive) as an argument to a call of a name already found. These names only widen which
/// calls the rules bind; each call is still checked for being a send (<see cref="SendWrappers"/>) or a receive
/// (<see cref="ReceiveWrappers"/>). With each name go the argument counts its calls can have: those of the socket's
/// method and of every method the project declares by that name with a parameter of the telling type (an interface's
/// member too, whose optional parameters its implementation may not share).
/// </summary>
internal static class ForwardingCallNames
{
    private const int MaxDepth = 3;

    private static readonly SyntaxKind[] InvocationKind = { SyntaxKind.InvocationExpression };

    /// <summary>
    /// What one tree's calls of one name show, per kind of forwarder: kept with the tree, since the editor makes a new
    /// compilation on every edit but keeps the trees of the files that did not change.
    /// </summary>
    private static readonly ConditionalWeakTable<SyntaxNode, ConcurrentDictionary<string, ImmutableArray<string>>> FoundInTree = new();

    public static NamedCalls OfSends(WellKnownTypes types, CallSites calls) => Find(types, calls, "SendAsync", "send:", IsFlagType);

    public static NamedCalls OfReceives(WellKnownTypes types, CallSites calls) => Find(types, calls, "ReceiveAsync", "receive:", IsByteBufferType);

    private static NamedCalls Find(WellKnownTypes types, CallSites calls, string socketName, string kind, Func<TypeSyntax?, bool> forwarded)
    {
        var found = new HashSet<string> { socketName };
        var searched = new List<string> { socketName };
        for (var depth = 0; depth < MaxDepth && searched.Count > 0; depth++)
        {
            var wrappers = new List<string>();
            foreach (var name in searched)
            {
                foreach (var tree in calls.TreesNaming(name))
                {
                    foreach (var wrapper in WrappersIn(tree.GetRoot(), name, kind, forwarded))
                    {
                        if (found.Add(wrapper))
                        {
                            wrappers.Add(wrapper);
                        }
                    }
                }
            }

            searched = wrappers;
        }

        var counts = ImmutableDictionary.CreateBuilder<string, ArgumentCounts>(StringComparer.Ordinal);
        foreach (var name in found)
        {
            var socketMethods = name == socketName ? ArgumentCounts.Of(types.WebSocket.GetMembers(name).OfType<IMethodSymbol>()) : ArgumentCounts.None;
            counts.Add(name, socketMethods.Or(DeclaredCounts(calls, name, forwarded)));
        }

        return new NamedCalls(counts.ToImmutable());
    }

    /// <summary>The argument counts of the methods declared by <paramref name="name"/> that take a parameter of the telling type.</summary>
    private static ArgumentCounts DeclaredCounts(CallSites calls, string name, Func<TypeSyntax?, bool> forwarded)
    {
        var counts = ArgumentCounts.None;
        foreach (var tree in calls.TreesNaming(name))
        {
            foreach (var parameters in NamedNodeIndex.Of(tree.GetRoot()).ParametersOfMethodsNamed(name))
            {
                if (parameters.Parameters.Any(parameter => forwarded(parameter.Type)))
                {
                    counts = counts.Or(ArgumentCounts.Of(parameters));
                }
            }
        }

        return counts;
    }

    /// <summary>The methods in one tree that pass a parameter of the telling type to a call of <paramref name="name"/>.</summary>
    private static ImmutableArray<string> WrappersIn(SyntaxNode root, string name, string kind, Func<TypeSyntax?, bool> forwarded) =>
        FoundInTree.GetValue(root, _ => new ConcurrentDictionary<string, ImmutableArray<string>>(StringComparer.Ordinal)).GetOrAdd(kind + name, _ =>
        {
            var wrappers = ImmutableArray.CreateBuilder<string>();
            foreach (var call in NamedNodeIndex.Of(root).Matching(InvocationKind, ImmutableArray.Create(name)))
            {
                if (ForwardingMethodName((InvocationExpressionSyntax)call, forwarded) is { } wrapper && !wrappers.Contains(wrapper))
                {
                    wrappers.Add(wrapper);
                }
            }

            return wrappers.ToImmutable();
        });

    /// <summary>The name of the method around the call, when it passes one of its parameters of the telling type to the call.</summary>
    private static string? ForwardingMethodName(InvocationExpressionSyntax call, Func<TypeSyntax?, bool> forwarded)
    {
        var (name, parameters) = call.Ancestors().Select(Declaration).FirstOrDefault(declaration => declaration.Parameters is not null);
        if (name is null || parameters is null)
        {
            return null;
        }

        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (ParameterNamed(argument.Expression) is { } passed
                && parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == passed && forwarded(parameter.Type)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The name an argument passes on whole: <c>data</c>, <c>data.AsMemory()</c>, <c>new ArraySegment&lt;byte&gt;(data)</c>.</summary>
    private static string? ParameterNamed(ExpressionSyntax argument) => argument switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AsMemory", Expression: IdentifierNameSyntax source }, ArgumentList.Arguments.Count: 0 } =>
            source.Identifier.ValueText,
        BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments } when arguments[0].Expression is IdentifierNameSyntax source =>
            source.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Lambdas are looked through (they use the parameters around them); constructors and accessors end the search.</summary>
    private static (string? Name, ParameterListSyntax? Parameters) Declaration(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList),
        LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.ParameterList),
        BaseMethodDeclarationSyntax or AccessorDeclarationSyntax => (null, SyntaxFactory.ParameterList()),
        _ => (null, null),
    };

    private static bool IsFlagType(TypeSyntax? type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.BoolKeyword),
        NullableTypeSyntax nullable => IsFlagType(nullable.ElementType),
        _ => LastName(type) is "Boolean" or "WebSocketMessageFlags",
    };

    private static bool IsByteBufferType(TypeSyntax? type) => type switch
    {
        ArrayTypeSyntax { ElementType: PredefinedTypeSyntax element } => element.Keyword.IsKind(SyntaxKind.ByteKeyword),
        _ => LastName(type) is "ArraySegment" or "Memory",
    };

    private static string? LastName(TypeSyntax? type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };
}
