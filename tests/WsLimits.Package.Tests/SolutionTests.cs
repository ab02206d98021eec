using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Package.Tests;

/// <summary>
/// The package the way users add it to a real repository: through a <c>Directory.Build.props</c>, into every project
/// of the relay solution in Consumers/Relay/ (a class library for net8.0 and netstandard2.0, a console app that
/// references it, two ASP.NET Core apps), with warnings as errors; then <c>dotnet format analyzers</c> over the whole
/// solution with every fixable rule, as its README suggests.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class SolutionTests
{
    /// <summary>The rules with a code fix: what the one <c>dotnet format</c> run fixes.</summary>
    private static readonly string[] FixableIds = { "WSL1001", "WSL1002", "WSL1004", "WSL2001", "WSL2002", "WSL2003", "WSL2004", "WSL3001", "WSL3002", "WSL3003", "WSL3004", "WSL3005" };

    /// <summary>The rules whose default severity is Info: suggestions, which never fail a build.</summary>
    private static readonly string[] SuggestionIds = { "WSL2004", "WSL3003", "WSL3005" };

    /// <summary>
    /// Each project's inserted helper classes, with the files that may host each one. The app's chunked sender serves
    /// the fixes of WSL1001 (Mirror.cs) and WSL1002 (Program.cs): dotnet format fixes one rule at a time, in an order
    /// that changes from run to run, and whichever of the two it fixes first places the helper in the file it changed.
    /// </summary>
    private static readonly (string Project, string Helper, string[] Hosts)[] Helpers =
    {
        ("Relay.Net", "WebSocketChunkedSender", new[] { "Channel.cs" }),
        ("Relay.Net", "WebSocketMessageReceiver", new[] { "Channel.cs" }),
        ("Relay.Net", "CloseDescription", new[] { "RelayClient.cs" }),
        ("Relay.App", "WebSocketChunkedSender", new[] { "Mirror.cs", "Program.cs" }),
    };

    private static readonly string Sources = Path.Combine(Consumers.Path, "Relay");

    private readonly PackedPackage _package;

    public SolutionTests(PackedPackage package) => _package = package;

    /// <summary>The lines of Consumers/Relay/expected.txt: file(line,col): level ID [target], comments skipped.</summary>
    private static IReadOnlyList<string> Expected() => File.ReadAllLines(Path.Combine(Sources, "expected.txt"))
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static string ProjectOf(string result) => result[..result.IndexOf('/', StringComparison.Ordinal)];

    private static string IdOf(string result) => Regex.Match(result, @" (WSL\d{4}) \[").Groups[1].Value;

    private static ImmutableList<string> UsingsOf(string source) =>
        source.Split('\n').Where(line => Regex.IsMatch(line, @"^using [\w.]+;$")).ToImmutableList();

    private ConsumerProject CreateRelay() => ConsumerProject.CreateSolution(_package, Sources, "Relay.slnx");

    [Fact]
    public async Task WarningsFailTheBuildOnEveryTargetAndSuggestionsDoNot()
    {
        var relay = CreateRelay();

        // As the user configured it: warnings are errors. Relay.App is not compiled, since the library it references failed.
        var (exitCode, printed) = await relay.TryBuildAsync();
        Assert.NotEqual(0, exitCode);
        var compiled = relay.ErrorLogResults();
        var expectedThere = Expected()
            .Where(result => ProjectOf(result) != "Relay.App")
            .Select(result => result.Replace(": warning ", ": error ", StringComparison.Ordinal))
            .ToList();
        Assert.True(expectedThere.SequenceEqual(compiled), $"With warnings as errors, the SARIF logs hold:\n{string.Join('\n', compiled)}");
        var failedOn = relay.DiagnosticsOf(printed).Where(diagnostic => diagnostic.Severity == "error").Select(diagnostic => diagnostic.Id).Distinct().ToList();
        Assert.All(compiled.Where(result => result.Contains(": error ", StringComparison.Ordinal)), result => Assert.Contains(IdOf(result), failedOn));
        Assert.All(SuggestionIds, id => Assert.DoesNotContain(id, failedOn));

        // Every project compiled, with the default severities: the exact list, suggestions included.
        await relay.TryBuildAsync("-p:TreatWarningsAsErrors=false");
        var all = relay.ErrorLogResults();
        Assert.True(Expected().SequenceEqual(all), $"Diagnostics differ from Consumers/Relay/expected.txt; the SARIF logs hold:\n{string.Join('\n', all)}");
        Assert.Equal(new[] { "net10.0", "net8.0", "netstandard2.0" }, all.Select(result => result[(result.LastIndexOf('[') + 1)..^1]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DotnetFormatFixesEveryRuleAndTheSolutionBuildsOnEveryTarget()
    {
        var relay = CreateRelay();
        var fixedFiles = Expected().Select(result => result[..result.IndexOf('(', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

        await relay.FormatAsync(FixableIds, "info");

        var (exitCode, printed) = await relay.TryBuildAsync();
        Assert.True(exitCode == 0, $"The fixed solution does not build:\n{printed}");
        Assert.Empty(relay.ErrorLogResults());
        Assert.Equal(new[] { "net10.0.sarif", "net8.0.sarif", "netstandard2.0.sarif" }, Directory.GetFiles(relay.Directory, "*.sarif", SearchOption.AllDirectories).Select(Path.GetFileName).Distinct().Order(StringComparer.Ordinal));

        // Each helper once per project, in a file its fix changed.
        var hostOf = new Dictionary<(string Project, string Helper), string>();
        foreach (var project in Helpers.GroupBy(helper => helper.Project))
        {
            var sources = Directory.GetFiles(Path.Combine(relay.Directory, project.Key), "*.cs", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .ToDictionary(file => Path.GetRelativePath(Path.Combine(relay.Directory, project.Key), file), File.ReadAllText);
            Assert.All(project, helper =>
            {
                var hosts = sources.Where(source => source.Value.Contains($"internal static class {helper.Helper}", StringComparison.Ordinal)).Select(source => source.Key).ToList();
                Assert.Single(hosts);
                Assert.Contains(hosts[0], helper.Hosts);
                hostOf[(helper.Project, helper.Helper)] = hosts[0];
            });
        }

        // The library's chunked sender is written for its oldest target, netstandard2.0; the app's for .NET 10.
        var library = relay.Read("Relay.Net/Channel.cs");
        Assert.Contains("SendChunkedAsync(this System.Net.WebSockets.WebSocket socket, ArraySegment<byte> payload", library);
        Assert.DoesNotContain("WebSocketMessageFlags flags", library);
        var appHost = "Relay.App/" + hostOf[("Relay.App", "WebSocketChunkedSender")];
        var app = relay.Read(appHost);
        Assert.Contains("SendChunkedAsync(this WebSocket socket, ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, WebSocketMessageFlags flags", app);

        // The app has ImplicitUsings: the helper brings only the using they lack, none that IDE0005 would report.
        var usingsBefore = UsingsOf(File.ReadAllText(Path.Combine(Sources, appHost)));
        var systemUsings = usingsBefore.Count(line => line.StartsWith("using System", StringComparison.Ordinal));
        Assert.Equal(usingsBefore.Insert(systemUsings, "using System.Runtime.CompilerServices;"), UsingsOf(app));

        // Files without a diagnostic, project files and the solution are as they were.
        foreach (var source in Directory.GetFiles(Sources, "*", SearchOption.AllDirectories))
        {
            var path = Path.GetRelativePath(Sources, source).Replace(Path.DirectorySeparatorChar, '/');
            if (!fixedFiles.Contains(path))
            {
                Assert.True(File.ReadAllText(source) == relay.Read(path), $"{path} changed:\n{relay.Read(path)}");
            }
        }
    }
}
