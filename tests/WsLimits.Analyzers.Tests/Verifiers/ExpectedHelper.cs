using System;
using System.Collections.Generic;
using System.Linq;

namespace WsLimits.Analyzers.Tests.Verifiers;

/// <summary>
/// What a file looks like after a fix appended a helper class to it: the helper's usings the file lacked, in order,
/// and the class after a blank line at the end.
/// </summary>
public static class ExpectedHelper
{
    public static string AppendedTo(string source, string helperFile)
    {
        var helperLines = helperFile.Replace("\r\n", "\n").Split('\n');
        var helperUsings = helperLines.TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var helperClass = string.Join("\n", helperLines.Skip(helperUsings.Count + 1));

        var lines = source.Replace("\r\n", "\n").Split('\n').ToList();
        var usings = lines.TakeWhile(line => line.StartsWith("using ", StringComparison.Ordinal)).ToList();
        var merged = usings.Union(helperUsings).Distinct().ToList();
        merged.Sort(CompareUsings(usings));

        var body = string.Join("\n", lines.Skip(usings.Count)).TrimEnd('\n');
        return string.Join("\n", merged) + "\n" + body + "\n\n" + helperClass.TrimEnd('\n') + "\n";
    }

    /// <summary>Keeps the file's own usings in their order and puts each new one before the first that sorts after it.</summary>
    private static Comparison<string> CompareUsings(List<string> original) => (a, b) =>
    {
        if (original.Contains(a) && original.Contains(b))
        {
            return original.IndexOf(a).CompareTo(original.IndexOf(b));
        }

        var systemFirst = a.StartsWith("using System", StringComparison.Ordinal).CompareTo(b.StartsWith("using System", StringComparison.Ordinal));
        return systemFirst != 0 ? -systemFirst : string.CompareOrdinal(a.TrimEnd(';'), b.TrimEnd(';'));
    };
}
