using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The names a call that writes a frame can have in one compilation: the socket's own, and those of the project's
/// methods that may pass their caller's end-of-message flag on to such a call (a wrapper, an adapter, an interface's
/// implementation), whatever they are called, up to <see cref="MaxDepth"/> methods up. Found from syntax alone: a
/// method with a <c>bool</c> or <c>WebSocketMessageFlags</c> parameter that it passes as an argument to a call of a
/// name already found. These names only widen which calls the send rules bind; each call is still checked for being
/// a send (<see cref="SendWrappers"/>).
/// </summary>
internal static class SendCallNames
{
    private const int MaxDepth = 3;

    private static readonly SyntaxKind[] InvocationKind = { SyntaxKind.InvocationExpression };

    public static ImmutableArray<string> Find(Compilation compilation, ImmutableArray<string> socketNames, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(socketNames);
        var searched = socketNames;
        for (var depth = 0; depth < MaxDepth && !searched.IsEmpty; depth++)
        {
            var wrappers = new HashSet<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!TreeText.MentionsAny(tree, searched, cancellationToken))
                {
                    continue;
                }

                foreach (var call in NamedNodeIndex.Of(tree.GetRoot(cancellationToken)).Matching(InvocationKind, searched))
                {
                    if (ForwardingMethodName((InvocationExpressionSyntax)call) is { } name && !found.Contains(name))
                    {
                        wrappers.Add(name);
                    }
                }
            }

            found.UnionWith(wrappers);
            searched = wrappers.ToImmutableArray();
        }

        return found.OrderBy(name => name, System.StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>The name of the method around the call, when it passes one of its flag-typed parameters to the call.</summary>
    private static string? ForwardingMethodName(InvocationExpressionSyntax call)
    {
        var (name, parameters) = call.Ancestors().Select(Declaration).FirstOrDefault(declaration => declaration.Parameters is not null);
        if (parameters is null)
        {
            return null;
        }

        foreach (var argument in call.ArgumentList.Arguments)
        {
            if (argument.Expression is IdentifierNameSyntax identifier
                && parameters.Parameters.Any(parameter => parameter.Identifier.ValueText == identifier.Identifier.ValueText && IsFlagType(parameter.Type)))
            {
                return name;
            }
        }

        return null;
    }

    private static (string? Name, ParameterListSyntax? Parameters) Declaration(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => (method.Identifier.ValueText, method.ParameterList),
        LocalFunctionStatementSyntax local => (local.Identifier.ValueText, local.ParameterList),
        ConstructorDeclarationSyntax or AccessorDeclarationSyntax => (null, SyntaxFactory.ParameterList()),
        _ => (null, null),
    };

    private static bool IsFlagType(TypeSyntax? type) => type switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.BoolKeyword),
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText is "Boolean" or "WebSocketMessageFlags",
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText is "Boolean" or "WebSocketMessageFlags",
        NullableTypeSyntax nullable => IsFlagType(nullable.ElementType),
        _ => false,
    };
}
