using System.Globalization;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

internal static class DiagnosticProperties
{
    /// <summary>An integer the analyzer passed to the fix, such as the limit in force where it reported.</summary>
    public static int GetInt(this Diagnostic diagnostic, string key, int defaultValue) =>
        diagnostic.Properties.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : defaultValue;
}
