using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// A text search that rules out, before any walk or binding, files that never name an API a rule looks for. Each
/// name is searched once per tree, for every rule and every compilation the tree is part of: the editor makes a new
/// compilation on each edit, but keeps the trees of the files that did not change.
/// </summary>
internal static class TreeText
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string, bool>> Searched = new();

    public static bool MentionsAny(SyntaxTree tree, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        var answers = Searched.GetValue(tree, _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        foreach (var name in names)
        {
            if (!answers.TryGetValue(name, out var mentions))
            {
                // Source texts made from strings, as most are, give their string back without a copy.
                mentions = answers.GetOrAdd(name, tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0);
            }

            if (mentions)
            {
                return true;
            }
        }

        return false;
    }
}
