using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>A text search that rules out, before any walk or binding, files that never name an API a rule looks for.</summary>
internal static class TreeText
{
    public static bool MentionsAny(SyntaxTree tree, ImmutableArray<string> names, CancellationToken cancellationToken)
    {
        // Source texts made from strings, as most are, give their string back without a copy.
        var text = tree.GetText(cancellationToken).ToString();
        foreach (var name in names)
        {
            if (text.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
