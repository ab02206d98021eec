using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The nodes of one syntax tree that rules look up by name. They are found from where the name occurs in the text,
/// not by walking the tree: a file that names a WebSocket API once is mostly other code, and walking all of it for
/// every such file was most of what the rules cost beyond binding. Each name is searched once per tree for all rules.
/// </summary>
internal sealed class NamedNodeIndex
{
    /// <summary>The kinds of node the index finds, and so the kinds a rule may ask for.</summary>
    public static readonly ImmutableHashSet<SyntaxKind> Kinds = ImmutableHashSet.Create(
        SyntaxKind.InvocationExpression,
        SyntaxKind.SimpleAssignmentExpression,
        SyntaxKind.LocalDeclarationStatement,
        SyntaxKind.WhileStatement,
        SyntaxKind.DoStatement,
        SyntaxKind.ForStatement,
        SyntaxKind.ForEachStatement);

    // Keyed by the root, so that a tree whose root is dropped and recovered (as the IDE does) drops its index too.
    private static readonly ConditionalWeakTable<SyntaxNode, NamedNodeIndex> Shared = new();

    private readonly SyntaxNode _root;
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxToken>> _identifiers = new(StringComparer.Ordinal);

    private NamedNodeIndex(SyntaxNode root) => _root = root;

    public static NamedNodeIndex Of(SyntaxNode root) => Shared.GetValue(root, created => new NamedNodeIndex(created));

    /// <summary>
    /// The nodes of the given kinds, in document order, that name one of <paramref name="names"/>: the invoked or
    /// assigned member, or for any other kind an identifier anywhere in it.
    /// </summary>
    public IEnumerable<SyntaxNode> Matching(SyntaxKind[] kinds, ImmutableArray<string> names)
    {
        var found = new HashSet<SyntaxNode>();
        foreach (var name in names)
        {
            foreach (var identifier in IdentifiersNamed(name))
            {
                AddMatches(identifier, kinds, found);
            }
        }

        var ordered = new List<SyntaxNode>(found);
        ordered.Sort((left, right) => left.SpanStart != right.SpanStart ? left.SpanStart.CompareTo(right.SpanStart) : right.Span.Length.CompareTo(left.Span.Length));
        return ordered;
    }

    /// <summary>The identifier names in the tree that spell <paramref name="name"/>, in document order.</summary>
    public IEnumerable<IdentifierNameSyntax> IdentifierNames(string name)
    {
        foreach (var identifier in IdentifiersNamed(name))
        {
            if (identifier.Parent is IdentifierNameSyntax node)
            {
                yield return node;
            }
        }
    }

    /// <summary>The parameters of each method and local function the tree declares by <paramref name="name"/>.</summary>
    public IEnumerable<ParameterListSyntax> ParametersOfMethodsNamed(string name)
    {
        foreach (var identifier in IdentifiersNamed(name))
        {
            switch (identifier.Parent)
            {
                case MethodDeclarationSyntax method when method.Identifier == identifier:
                    yield return method.ParameterList;
                    break;
                case LocalFunctionStatementSyntax local when local.Identifier == identifier:
                    yield return local.ParameterList;
                    break;
            }
        }
    }

    private static void AddMatches(SyntaxToken identifier, SyntaxKind[] kinds, HashSet<SyntaxNode> found)
    {
        if (identifier.Parent is SimpleNameSyntax name && MemberExpression(name) is var expression)
        {
            switch (expression.Parent)
            {
                case InvocationExpressionSyntax invocation when invocation.Expression == expression && Array.IndexOf(kinds, SyntaxKind.InvocationExpression) >= 0:
                    found.Add(invocation);
                    break;
                case AssignmentExpressionSyntax assignment when assignment.Left == expression && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && Array.IndexOf(kinds, SyntaxKind.SimpleAssignmentExpression) >= 0:
                    found.Add(assignment);
                    break;
            }
        }

        for (var node = identifier.Parent; node is not null; node = node.Parent)
        {
            var kind = node.Kind();
            if (kind is not (SyntaxKind.InvocationExpression or SyntaxKind.SimpleAssignmentExpression) && Array.IndexOf(kinds, kind) >= 0)
            {
                found.Add(node);
            }
        }
    }

    /// <summary>The expression a name is the member of: <c>x.Name</c>, <c>x?.Name</c>, or the name alone.</summary>
    public static ExpressionSyntax MemberExpression(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => access,
        MemberBindingExpressionSyntax binding when binding.Name == name => binding,
        _ => name,
    };

    private ImmutableArray<SyntaxToken> IdentifiersNamed(string name) => _identifiers.GetOrAdd(name, Find);

    private ImmutableArray<SyntaxToken> Find(string name)
    {
        var text = _root.SyntaxTree.GetText().ToString();
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>();
        for (var position = text.IndexOf(name, StringComparison.Ordinal); position >= 0; position = text.IndexOf(name, position + name.Length, StringComparison.Ordinal))
        {
            // Text in comments, strings and longer identifiers is not the name; FindToken skips trivia, so those fail the checks.
            var token = _root.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && token.ValueText == name)
            {
                tokens.Add(token);
            }
        }

        return tokens.ToImmutable();
    }
}
