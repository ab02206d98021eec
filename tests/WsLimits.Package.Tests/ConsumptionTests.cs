using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>
/// The package restored into class libraries for each supported target, built from one source with a mix of risky
/// WebSocket code: the exact diagnostics, and the same ones as SARIF.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumptionTests
{
    /// <summary>The System.Text.Json that a netstandard2.0 library references to serialize; .NET 8 and 10 ship it.</summary>
    public const string SystemTextJsonVersion = "10.0.12";

    private const string HelpLinkBase = "https://github.com/WsLimits/WsLimits.Analyzers/blob/main/docs/rules/";

    private readonly PackedPackage _package;

    public ConsumptionTests(PackedPackage package) => _package = package;

    public static TheoryData<string> TargetFrameworks => new() { "net8.0", "net10.0", "netstandard2.0" };

    /// <summary>The chat library of Consumers/Mixed, targeting <paramref name="targetFramework"/>, with <paramref name="extraFiles"/> beside it.</summary>
    internal static ConsumerProject CreateMixedConsumer(PackedPackage package, string targetFramework, params (string Path, string Content)[] extraFiles)
    {
        var files = new Dictionary<string, string> { ["Chat.cs"] = Consumers.Read("Mixed", "Chat.cs") };
        foreach (var (path, content) in extraFiles)
        {
            files[path] = content;
        }

        var netStandard = targetFramework.StartsWith("netstandard", StringComparison.Ordinal);
        return ConsumerProject.Create(package, new ConsumerSpec
        {
            TargetFramework = targetFramework,
            OutputType = null,
            ModernDefaults = !netStandard,
            PackageReferences = netStandard
                ? new Dictionary<string, string> { ["System.Text.Json"] = SystemTextJsonVersion }
                : new Dictionary<string, string>(),
            Files = files,
        });
    }

    /// <summary>The lines of Consumers/Mixed/expected.&lt;tfm&gt;.txt: file(line,col): severity ID, comments skipped.</summary>
    internal static IReadOnlyList<string> ExpectedDiagnostics(string targetFramework) => Consumers.Read("Mixed", $"expected.{targetFramework}.txt")
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .ToList();

    /// <summary>A build prints warnings and errors; a suggestion (SARIF level "note") is only in the log and the IDE.</summary>
    private static bool IsPrinted(string expected) => !expected.Contains(": note ", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(TargetFrameworks))]
    public async Task BuildReportsExactlyTheExpectedDiagnosticsOnEachTarget(string targetFramework)
    {
        var consumer = CreateMixedConsumer(_package, targetFramework);

        var output = await consumer.BuildAsync();

        var actual = consumer.DiagnosticsOf(output).Where(diagnostic => diagnostic.Id.StartsWith("WSL", StringComparison.Ordinal)).Select(diagnostic => diagnostic.Key).ToList();
        Assert.True(
            ExpectedDiagnostics(targetFramework).Where(IsPrinted).Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)),
            $"Diagnostics differ from Consumers/Mixed/expected.{targetFramework}.txt; the build reported:\n{string.Join('\n', actual)}\n\n{output}");
        Assert.Contains("0 Error(s)", output);
    }

    [Theory]
    [MemberData(nameof(TargetFrameworks))]
    public async Task Wsl3001SaysWhatSetBufferDoesOnEachTarget(string targetFramework)
    {
        var consumer = CreateMixedConsumer(_package, targetFramework);

        var setBuffer = consumer.DiagnosticsOf(await consumer.BuildAsync()).Single(diagnostic => diagnostic.Id == "WSL3001");

        // docs/rules/WSL3001.md: read from the build's TargetFrameworkIdentifier; ignored on .NET, sizes buffers on .NET Standard.
        Assert.Contains(
            targetFramework.StartsWith("netstandard", StringComparison.Ordinal)
                ? "it sizes buffers, and .NET refuses no message for its size"
                : "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored",
            setBuffer.Message);
    }

    [Fact]
    public async Task SarifLogCarriesRuleIdsLocationsAndHelpLinks()
    {
        var consumer = CreateMixedConsumer(_package, "net10.0");
        var log = Path.Combine(consumer.Directory, "build.sarif");

        // MSBuild splits -p: values at ';' and ',', so the compiler's "file,version=2.1" needs its separator escaped:
        // %3B (or %2C). Unescaped, version=2.1 becomes a property of its own and the log silently is SARIF 1.0.
        var output = await consumer.BuildAsync($"-p:ErrorLog={log}%3Bversion=2.1");

        using var sarif = JsonDocument.Parse(File.ReadAllText(log));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs").EnumerateArray().Single();
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var results = run.GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("WSL", StringComparison.Ordinal))
            .ToList();

        var fromSarif = new List<string>();
        foreach (var result in results)
        {
            var id = result.GetProperty("ruleId").GetString()!;
            var location = result.GetProperty("locations").EnumerateArray().Single().GetProperty("physicalLocation");
            var uri = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
            Assert.True(uri.IsFile, uri.ToString());
            Assert.Equal(Path.Combine(consumer.Directory, "Chat.cs"), uri.LocalPath);
            var region = location.GetProperty("region");
            fromSarif.Add($"{Path.GetFileName(uri.LocalPath)}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): {result.GetProperty("level").GetString()} {id}");
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));

            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(id, rule.GetProperty("id").GetString());
            Assert.Equal(HelpLinkBase + id + ".md", rule.GetProperty("helpUri").GetString());
        }

        // The checked-in list, and the console's diagnostics with the suggestions the console leaves out.
        Assert.Equal(ExpectedDiagnostics("net10.0").Order(StringComparer.Ordinal), fromSarif.Order(StringComparer.Ordinal));
        Assert.Equal(
            consumer.DiagnosticsOf(output).Where(diagnostic => diagnostic.Id.StartsWith("WSL", StringComparison.Ordinal)).Select(diagnostic => diagnostic.Key).Order(StringComparer.Ordinal),
            fromSarif.Where(IsPrinted).Order(StringComparer.Ordinal));

        // Every WsLimits rule is described with its help link, reported or not.
        var ours = rules.Where(rule => rule.GetProperty("id").GetString()!.StartsWith("WSL", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { "WSL1001", "WSL1002", "WSL1003", "WSL1004", "WSL2001", "WSL2002", "WSL2003", "WSL2004", "WSL3001", "WSL3002", "WSL3003", "WSL3004", "WSL3005", "WSL9001" },
            ours.Select(rule => rule.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(ours, rule => Assert.Equal(HelpLinkBase + rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString()));
    }
}
