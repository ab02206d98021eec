using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The nodes of one syntax tree that rules look up by name, found in a single walk that every rule shares: walking a
/// WebSocket file once per rule was a large part of what the rules cost beyond binding.
/// </summary>
internal sealed class NamedNodeIndex
{
    /// <summary>The kinds of node the index keeps, and so the kinds a rule may ask for.</summary>
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

    private readonly ImmutableArray<Entry> _entries;

    private NamedNodeIndex(ImmutableArray<Entry> entries) => _entries = entries;

    public static NamedNodeIndex Of(SyntaxNode root) => Shared.GetValue(root, Build);

    /// <summary>
    /// The nodes of the given kinds, in document order, that name one of <paramref name="names"/>: the invoked or
    /// assigned member, or for any other kind an identifier anywhere in it.
    /// </summary>
    public IEnumerable<SyntaxNode> Matching(SyntaxKind[] kinds, ImmutableArray<string> names)
    {
        foreach (var entry in _entries)
        {
            if (Array.IndexOf(kinds, entry.Node.Kind()) >= 0
                && (entry.Member is { } member ? names.Contains(member) : AnyIdentifierIn(entry.Node, names)))
            {
                yield return entry.Node;
            }
        }
    }

    private static NamedNodeIndex Build(SyntaxNode root)
    {
        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation:
                    if (MemberNamed(invocation.Expression) is { } invoked)
                    {
                        entries.Add(new Entry(node, invoked));
                    }

                    break;
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    if (MemberNamed(assignment.Left) is { } assigned)
                    {
                        entries.Add(new Entry(node, assigned));
                    }

                    break;
                default:
                    if (Kinds.Contains(node.Kind()))
                    {
                        entries.Add(new Entry(node, member: null));
                    }

                    break;
            }
        }

        return new NamedNodeIndex(entries.ToImmutable());
    }

    private static bool AnyIdentifierIn(SyntaxNode node, ImmutableArray<string> names)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && names.Contains(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    private static string? MemberNamed(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A node, with the member it invokes or assigns; null for the kinds matched by any identifier.</summary>
    private readonly struct Entry
    {
        public Entry(SyntaxNode node, string? member)
        {
            Node = node;
            Member = member;
        }

        public SyntaxNode Node { get; }

        public string? Member { get; }
    }
}
