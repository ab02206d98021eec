using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace WsLimits.Package.Tests.LanguageServer;

/// <summary>
/// One diagnostic as an editor shows it and as the build's SARIF log records it: the file relative to the project,
/// a range with 1-based lines and columns (the end column just after the last character), the severity in the build's
/// words (error, warning, info), the ID, the help link and the message.
/// </summary>
internal sealed record EditorDiagnostic(string File, int StartLine, int StartColumn, int EndLine, int EndColumn, string Severity, string Id, string? HelpLink, string Message)
{
    public override string ToString() => $"{File}({StartLine},{StartColumn},{EndLine},{EndColumn}): {Severity} {Id} <{HelpLink}> {Message}";

    /// <summary>An LSP Diagnostic: 0-based positions, severity 1 error, 2 warning, 3 information, 4 hint; the help link in codeDescription.href.</summary>
    public static EditorDiagnostic FromLsp(string file, JsonElement diagnostic)
    {
        var range = diagnostic.GetProperty("range");
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        var severity = diagnostic.TryGetProperty("severity", out var level) ? level.GetInt32() : 0;
        var code = diagnostic.TryGetProperty("code", out var id) ? id.ToString() : string.Empty;
        var help = diagnostic.TryGetProperty("codeDescription", out var description) ? description.GetProperty("href").GetString() : null;
        return new EditorDiagnostic(
            file,
            start.GetProperty("line").GetInt32() + 1,
            start.GetProperty("character").GetInt32() + 1,
            end.GetProperty("line").GetInt32() + 1,
            end.GetProperty("character").GetInt32() + 1,
            severity switch { 1 => "error", 2 => "warning", 3 => "info", 4 => "hidden", _ => "unknown" },
            code,
            help,
            diagnostic.GetProperty("message").GetString() ?? string.Empty);
    }

    /// <summary>The WSL results of a SARIF 2.1 log the compiler wrote (-p:ErrorLog=...;version=2.1), files relative to <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<EditorDiagnostic> FromSarif(string sarifPath, string projectDirectory)
    {
        using var sarif = JsonDocument.Parse(System.IO.File.ReadAllText(sarifPath));
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var diagnostics = new List<EditorDiagnostic>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var id = result.GetProperty("ruleId").GetString()!;
            if (!IsOurs(id))
            {
                continue;
            }

            var location = result.GetProperty("locations").EnumerateArray().Single().GetProperty("physicalLocation");
            var path = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
            var region = location.GetProperty("region");
            diagnostics.Add(new EditorDiagnostic(
                Path.GetRelativePath(projectDirectory, path).Replace(Path.DirectorySeparatorChar, '/'),
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                region.GetProperty("endLine").GetInt32(),
                region.GetProperty("endColumn").GetInt32(),
                result.GetProperty("level").GetString() switch { "note" => "info", var other => other! },
                id,
                rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("helpUri").GetString(),
                result.GetProperty("message").GetProperty("text").GetString() ?? string.Empty));
        }

        return Sorted(diagnostics);
    }

    /// <summary>This package's rules, not the WSLMODE warning of its build targets, which no analyzer reports.</summary>
    public static bool IsOurs(string id) => id.StartsWith("WSL", StringComparison.Ordinal) && id != "WSLMODE";

    public static IReadOnlyList<EditorDiagnostic> Sorted(IEnumerable<EditorDiagnostic> diagnostics) => diagnostics
        .OrderBy(diagnostic => diagnostic.File, StringComparer.Ordinal)
        .ThenBy(diagnostic => diagnostic.StartLine)
        .ThenBy(diagnostic => diagnostic.StartColumn)
        .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
        .ToList();
}
