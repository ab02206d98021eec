using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// Which files of a compilation name which APIs, by a text search that rules a file out before any walk or binding.
/// Every rule asks about the same few names (<c>SendAsync</c>, <c>ReceiveAsync</c>, ...) of the same files, so each
/// name is searched for once per file and the answer shared by all of them. A file's text never changes, so the
/// answers about a file also pass on to the next compilation that holds it: after an edit, an editor's new compilation
/// keeps every file but the edited one, and searches only that one again.
/// </summary>
internal sealed class NameMentions
{
    private static readonly ConditionalWeakTable<Compilation, NameMentions> Shared = new();

    // The last compilation's answers, weakly: they pass on to the next one, and keep nothing alive.
    private static readonly WeakReference<NameMentions?> Last = new(null);

    // Answers are kept as two bit masks per file, one bit per name, the same bit in every compilation; names past the
    // mask's width (a process that serves many projects with many wrapper names) are searched each time.
    private const int KeptNames = 64;
    private static readonly ConcurrentDictionary<string, int> BitOf = new(StringComparer.Ordinal);
    private static int s_nextBit;

    private readonly Compilation _compilation;
    private readonly Dictionary<SyntaxTree, Answers> _answers;
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxTree>> _treesNaming = new(StringComparer.Ordinal);

    private NameMentions(Compilation compilation)
    {
        _compilation = compilation;

        // Filled once, read without locks: every rule asks about every file.
        var last = Last.TryGetTarget(out var kept) ? kept!._answers : null;
        _answers = new Dictionary<SyntaxTree, Answers>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            _answers[tree] = last is not null && last.TryGetValue(tree, out var answers) ? answers : new Answers();
        }

        Last.SetTarget(this);
    }

    public static NameMentions Of(Compilation compilation) => Shared.GetValue(compilation, created => new NameMentions(created));

    /// <summary>True when the text of <paramref name="tree"/> holds one of <paramref name="names"/>.</summary>
    public bool Any(SyntaxTree tree, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            if (Names(tree, name, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The files of the compilation whose text holds <paramref name="name"/>.</summary>
    public ImmutableArray<SyntaxTree> TreesNaming(string name) => _treesNaming.GetOrAdd(
        name, text => _compilation.SyntaxTrees.Where(tree => Names(tree, text, CancellationToken.None)).ToImmutableArray());

    private bool Names(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        // A factory run twice for one name wastes a bit; two names never share one.
        var bit = BitOf.GetOrAdd(name, _ => Interlocked.Increment(ref s_nextBit) - 1);
        if (bit >= KeptNames || !_answers.TryGetValue(tree, out var answers))
        {
            return Search(tree, name, cancellationToken);
        }

        var mask = 1L << bit;
        if ((Volatile.Read(ref answers.Searched) & mask) != 0)
        {
            return (Volatile.Read(ref answers.Found) & mask) != 0;
        }

        var found = Search(tree, name, cancellationToken);
        if (found)
        {
            Answers.Set(ref answers.Found, mask);
        }

        Answers.Set(ref answers.Searched, mask);
        return found;
    }

    // Source texts made from strings, as most are, give their string back without a copy.
    private static bool Search(SyntaxTree tree, string name, CancellationToken cancellationToken) =>
        tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0;

    private sealed class Answers
    {
        public long Searched;
        public long Found;

        public static void Set(ref long mask, long bit)
        {
            long seen;
            do
            {
                seen = Volatile.Read(ref mask);
            }
            while (Interlocked.CompareExchange(ref mask, seen | bit, seen) != seen);
        }
    }
}
