using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Tests.Generated;

/// <summary>
/// The values of WsLimitsAnalysisMode and the severity each gives a rule (docs/severity-policy.md says why).
/// "default" ships no file: every rule keeps its descriptor's severity.
/// </summary>
internal static class Presets
{
    public static readonly ImmutableArray<string> Modes = ImmutableArray.Create("none", "recommended", "all-warnings", "all-errors");

    /// <summary>Failures that are certain (WSL1002) or let any client exhaust memory (WSL2002, WSL3002) break the build.</summary>
    private static readonly ImmutableHashSet<string> ErrorsWhenRecommended = ImmutableHashSet.Create("WSL1002", "WSL2002", "WSL3002");

    public static string Severity(string mode, DiagnosticDescriptor rule) => mode switch
    {
        "none" => "none",
        "all-warnings" => "warning",
        "all-errors" => "error",
        "recommended" => ErrorsWhenRecommended.Contains(rule.Id) ? "error" : Default(rule),
        _ => Default(rule),
    };

    public static string Default(DiagnosticDescriptor rule) => !rule.IsEnabledByDefault
        ? "none"
        : rule.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "suggestion",
            _ => "silent",
        };
}
