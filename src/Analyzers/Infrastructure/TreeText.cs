using System;
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
    private static readonly ConditionalWeakTable<SyntaxTree, Answers> Searched = new();

    public static bool MentionsAny(SyntaxTree tree, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        var answers = Searched.GetValue(tree, _ => new Answers());
        foreach (var name in names)
        {
            if (answers.Mentions(tree, name, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names asked about one tree, a few dozen at most: a short list is cheaper to make and search than a dictionary.</summary>
    private sealed class Answers
    {
        private readonly object _gate = new();
        private string[] _names = new string[8];
        private bool[] _mentioned = new bool[8];
        private int _count;

        public bool Mentions(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                for (var i = 0; i < _count; i++)
                {
                    if (ReferenceEquals(_names[i], name) || string.Equals(_names[i], name, StringComparison.Ordinal))
                    {
                        return _mentioned[i];
                    }
                }
            }

            // Source texts made from strings, as most are, give their string back without a copy.
            var mentioned = tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0;
            lock (_gate)
            {
                if (_count == _names.Length)
                {
                    Array.Resize(ref _names, _count * 2);
                    Array.Resize(ref _mentioned, _count * 2);
                }

                _names[_count] = name;
                _mentioned[_count] = mentioned;
                _count++;
            }

            return mentioned;
        }
    }
}
