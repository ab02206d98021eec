using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WsLimits.Tests.Shared;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>
/// WsLimitsAnalysisMode and .editorconfig on a net10.0 library with the chat code of Consumers/Mixed and a send over
/// Netty's frame limit (Consumers/Presets/Snapshot.cs and .globalconfig): every preset sets the severities docs/presets.md lists,
/// and the project's own .editorconfig wins over it.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PresetTests
{
    private static Task<IReadOnlyList<BuildDiagnostic>>? s_defaults;
    private static Task<IReadOnlyList<BuildDiagnostic>>? s_every;

    private readonly PackedPackage _package;

    public PresetTests(PackedPackage package) => _package = package;

    [Fact]
    public async Task DefaultModeGivesEachRuleTheDefaultSeverityOfTheDocs()
    {
        var defaults = await DefaultsAsync();

        // WSL2004 is a suggestion by default, which a build does not print.
        Assert.Equal(new[] { "WSL1001", "WSL1002", "WSL1004", "WSL2001", "WSL2002", "WSL2003", "WSL3001" }, defaults.Select(diagnostic => diagnostic.Id).Order(StringComparer.Ordinal));
        Assert.All(defaults, diagnostic => Assert.Equal(DocumentedSeverity(diagnostic.Id, "default"), diagnostic.Severity));
        Assert.Contains(await EveryDiagnosticAsync(), diagnostic => diagnostic.Id == "WSL2004");
        Assert.Equal("suggestion", DocumentedSeverity("WSL2004", "default"));
    }

    [Fact]
    public async Task AllErrorsPresetFailsTheBuildWithEveryRuleAnError()
    {
        var (exitCode, output, diagnostics) = await BuildWithPresetAsync("all-errors");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error WSL1001", output, StringComparison.Ordinal);
        Assert.All(diagnostics, diagnostic => Assert.Equal("error", diagnostic.Severity));
    }

    [Fact]
    public async Task AllWarningsPresetTurnsTheWsl1002ErrorIntoAWarningAndTheBuildPasses()
    {
        var (exitCode, output, diagnostics) = await BuildWithPresetAsync("all-warnings");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning WSL1002", output, StringComparison.Ordinal);
        Assert.All(diagnostics, diagnostic => Assert.Equal("warning", diagnostic.Severity));
    }

    [Fact]
    public async Task RecommendedPresetMakesWsl2002AnErrorAndKeepsWsl1001AWarning()
    {
        var (exitCode, _, diagnostics) = await BuildWithPresetAsync("recommended");

        Assert.NotEqual(0, exitCode);
        Assert.Equal("error", diagnostics.Single(diagnostic => diagnostic.Id == "WSL2002").Severity);
        Assert.Equal("warning", diagnostics.Single(diagnostic => diagnostic.Id == "WSL1001").Severity);
    }

    [Fact]
    public async Task NonePresetSilencesEveryRuleAndTheBuildPasses()
    {
        var (exitCode, output, diagnostics) = await BuildWithPresetAsync("none");

        Assert.Equal(0, exitCode);
        Assert.Empty(diagnostics);
        Assert.DoesNotContain("WSL", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownModeWarnsWslmodeAndKeepsTheDefaults()
    {
        var consumer = CreateConsumer();

        var (_, output) = await consumer.TryBuildAsync("-p:WsLimitsAnalysisMode=strict");

        var diagnostics = consumer.DiagnosticsOf(output);
        var mode = diagnostics.Single(diagnostic => diagnostic.Id == "WSLMODE");
        Assert.Equal("warning", mode.Severity);
        Assert.Equal("WsLimits.Analyzers.targets", Path.GetFileName(mode.File));
        Assert.Contains("WsLimitsAnalysisMode 'strict' is not a WsLimits preset", mode.Message, StringComparison.Ordinal);
        Assert.Equal(Keys(await DefaultsAsync()), Keys(Ours(diagnostics)));
    }

    [Fact]
    public async Task EditorconfigSeverityNoneSilencesARuleThatThePresetMakesAnError()
    {
        var consumer = CreateConsumer((".editorconfig", """
            root = true

            [*.cs]
            dotnet_diagnostic.WSL1001.severity = none
            """));

        var (exitCode, output) = await consumer.TryBuildAsync("-p:WsLimitsAnalysisMode=all-errors");

        var diagnostics = Ours(consumer.DiagnosticsOf(output));
        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "WSL1001");
        Assert.Equal("error", diagnostics.Single(diagnostic => diagnostic.Id == "WSL2002").Severity);
        Assert.Equal(
            Keys((await EveryDiagnosticAsync()).Where(diagnostic => diagnostic.Id != "WSL1001").Select(diagnostic => diagnostic with { Severity = "error" })),
            Keys(diagnostics));
    }

    [Fact]
    public async Task EditorconfigFrameLimitShowsInTheWsl1001Message()
    {
        var consumer = CreateConsumer((".editorconfig", """
            root = true

            [*.cs]
            wslimits.max_frame_bytes = 1024
            """));

        var (_, output) = await consumer.TryBuildAsync();

        var unbounded = consumer.DiagnosticsOf(output).Single(diagnostic => diagnostic.Id == "WSL1001");
        Assert.Contains("allows frames of at most 1024 bytes", unbounded.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("65536", unbounded.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A build with the preset: each diagnostic of the project, at the preset's severity from the table of
    /// docs/presets.md (gone where it says none, and unprinted where it says suggestion), and nothing else.
    /// </summary>
    private async Task<(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics)> BuildWithPresetAsync(string mode)
    {
        var every = await EveryDiagnosticAsync();
        var consumer = CreateConsumer();

        var (exitCode, output) = await consumer.TryBuildAsync("-p:WsLimitsAnalysisMode=" + mode);

        var diagnostics = Ours(consumer.DiagnosticsOf(output));
        var documented = every
            .Select(diagnostic => diagnostic with { Severity = DocumentedSeverity(diagnostic.Id, mode) })
            .Where(diagnostic => diagnostic.Severity is "warning" or "error");
        Assert.True(Keys(documented).SequenceEqual(Keys(diagnostics)), $"WsLimitsAnalysisMode={mode}: expected\n{string.Join('\n', Keys(documented))}\nbut the build reported\n{string.Join('\n', Keys(diagnostics))}\n\n{output}");
        Assert.Equal(diagnostics.Any(diagnostic => diagnostic.Severity == "error"), exitCode != 0);
        return (exitCode, output, diagnostics);
    }

    /// <summary>What the build reports with no mode set, once for the class.</summary>
    private Task<IReadOnlyList<BuildDiagnostic>> DefaultsAsync() => s_defaults ??= BuildDefaultsAsync(CreateConsumer());

    private static async Task<IReadOnlyList<BuildDiagnostic>> BuildDefaultsAsync(ConsumerProject consumer)
    {
        var (exitCode, output) = await consumer.TryBuildAsync();
        var diagnostics = Ours(consumer.DiagnosticsOf(output));
        Assert.True(exitCode != 0 && diagnostics.Count > 0, output);
        return diagnostics;
    }

    /// <summary>Every diagnostic of the project, suggestions included: a build with every rule a warning, once for the class.</summary>
    private Task<IReadOnlyList<BuildDiagnostic>> EveryDiagnosticAsync() => s_every ??= BuildEveryDiagnosticAsync(CreateConsumer());

    private static async Task<IReadOnlyList<BuildDiagnostic>> BuildEveryDiagnosticAsync(ConsumerProject consumer)
    {
        var (_, output) = await consumer.TryBuildAsync("-p:WsLimitsAnalysisMode=all-warnings");
        var diagnostics = Ours(consumer.DiagnosticsOf(output));
        Assert.True(diagnostics.Count > 0, output);
        return diagnostics;
    }

    /// <summary>Chat.cs and Snapshot.cs with the contract of Consumers/Presets/.globalconfig (peer netty), and <paramref name="extraFiles"/>.</summary>
    private ConsumerProject CreateConsumer(params (string Path, string Content)[] extraFiles) => ConsumptionTests.CreateMixedConsumer(
        _package,
        "net10.0",
        extraFiles
            .Prepend((".globalconfig", Consumers.Read("Presets", ".globalconfig")))
            .Prepend(("Snapshot.cs", Consumers.Read("Presets", "Snapshot.cs")))
            .ToArray());

    private static IReadOnlyList<BuildDiagnostic> Ours(IEnumerable<BuildDiagnostic> diagnostics) =>
        diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("WSL", StringComparison.Ordinal) && diagnostic.Id != "WSLMODE").ToList();

    private static IEnumerable<string> Keys(IEnumerable<BuildDiagnostic> diagnostics) => diagnostics.Select(diagnostic => diagnostic.Key).Order(StringComparer.Ordinal);

    /// <summary>The severity of a rule under a mode, from the generated table in docs/presets.md.</summary>
    private static string DocumentedSeverity(string id, string mode)
    {
        var table = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "presets.md"))
            .SkipWhile(line => line != "<!-- generated: presets -->")
            .Skip(1)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();
        var column = Array.IndexOf(table[0], mode);
        Assert.True(column > 0, $"docs/presets.md has no column '{mode}'");
        return table.Single(row => row[0].StartsWith($"[{id}]", StringComparison.Ordinal))[column];
    }
}
