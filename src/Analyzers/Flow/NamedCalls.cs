using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.Infrastructure;

namespace WsLimits.Analyzers.Flow;

/// <summary>
/// The calls a rule binds, told apart by their syntax: the names they go by and, for each name, the argument counts of
/// the methods of that name that matter. Binding is the cost, so a call of such a name that no such method can take
/// (a UDP client's <c>SendAsync(data, length)</c>, a message builder's <c>SendAsync(channel)</c>) is not bound at all.
/// </summary>
internal sealed class NamedCalls
{
    private readonly ImmutableDictionary<string, ArgumentCounts> _counts;

    public NamedCalls(ImmutableDictionary<string, ArgumentCounts> counts)
    {
        _counts = counts;
        Names = counts.Keys.OrderBy(name => name, StringComparer.Ordinal).ToImmutableArray();
    }

    public ImmutableArray<string> Names { get; }

    /// <summary>The calls of one of these names alone.</summary>
    public NamedCalls Named(string name) =>
        new(_counts.TryGetValue(name, out var counts) ? ImmutableDictionary.Create<string, ArgumentCounts>(StringComparer.Ordinal).Add(name, counts) : ImmutableDictionary<string, ArgumentCounts>.Empty);

    /// <summary>Whether a call of one of the names has an argument count that a method of its name takes.</summary>
    public bool MayMatter(InvocationExpressionSyntax call) =>
        InvokedName(call) is not { } name || !_counts.TryGetValue(name, out var counts) || counts.Allow(call);

    /// <summary>
    /// Whether a piece of code (a loop) makes a call of one of the names that may matter, or names one without calling
    /// it (a method group, which could be called anywhere).
    /// </summary>
    public bool AnyMayMatterIn(SyntaxNode code) =>
        code.DescendantNodes().OfType<SimpleNameSyntax>().Any(
            name => _counts.ContainsKey(name.Identifier.ValueText) && (InvocationOf(name) is not { } call || MayMatter(call)));

    /// <summary>The call <paramref name="name"/> is the invoked member of: <c>Name(...)</c>, <c>x.Name(...)</c>, <c>x?.Name(...)</c>.</summary>
    private static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name) =>
        NamedNodeIndex.MemberExpression(name) is var expression && expression.Parent is InvocationExpressionSyntax call && call.Expression == expression ? call : null;

    private static string? InvokedName(InvocationExpressionSyntax call) => call.Expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };
}
