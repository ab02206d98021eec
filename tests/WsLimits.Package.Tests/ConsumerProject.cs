using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace WsLimits.Package.Tests;

/// <summary>What a user's project looks like: its SDK, target, packages and files.</summary>
public sealed record ConsumerSpec
{
    public string Sdk { get; init; } = "Microsoft.NET.Sdk";

    public string TargetFramework { get; init; } = "net10.0";

    /// <summary>Exe for an app; null for a class library.</summary>
    public string? OutputType { get; init; } = "Exe";

    /// <summary>Nullable and ImplicitUsings enabled, as in the .NET templates; off for a netstandard2.0 library, which has neither.</summary>
    public bool ModernDefaults { get; init; } = true;

    /// <summary>Package ID to version, beside WsLimits.Analyzers.</summary>
    public IReadOnlyDictionary<string, string> PackageReferences { get; init; } = new Dictionary<string, string>();

    /// <summary>Path relative to the project folder to content: sources, .editorconfig, .globalconfig.</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}

/// <summary>One diagnostic as the build prints it: file(line,col): severity ID: message.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    /// <summary>The form of the checked-in expected lists: file(line,col): severity ID.</summary>
    public string Key => $"{File}({Line},{Column}): {Severity} {Id}";
}

/// <summary>A user's project in a temporary folder (under the package's root, deleted with it) that takes WsLimits.Analyzers from the local feed.</summary>
public sealed class ConsumerProject
{
    private static readonly Regex DiagnosticLine = new(
        @"^\s*(?<path>.+?)\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning|info) (?<id>[A-Za-z]+[0-9]*): (?<message>.*?)(?: \[[^\]]*\])?\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private ConsumerProject(string directory, string packages, string workspace)
    {
        Directory = directory;
        Packages = packages;
        Workspace = workspace;
    }

    public string Directory { get; }

    private string Packages { get; }

    /// <summary>The project or solution file that builds and <c>dotnet format</c> work on.</summary>
    private string Workspace { get; }

    public static ConsumerProject Create(PackedPackage package, string program) => Create(package, new ConsumerSpec
    {
        Files = new Dictionary<string, string> { ["Program.cs"] = program },
    });

    public static ConsumerProject Create(PackedPackage package, ConsumerSpec spec)
    {
        var directory = CreateDirectoryWithFeed(package);
        var properties = new StringBuilder();
        properties.AppendLine($"    <TargetFramework>{spec.TargetFramework}</TargetFramework>");
        if (spec.OutputType is not null)
        {
            properties.AppendLine($"    <OutputType>{spec.OutputType}</OutputType>");
        }

        if (spec.ModernDefaults)
        {
            properties.AppendLine("    <Nullable>enable</Nullable>");
            properties.AppendLine("    <ImplicitUsings>enable</ImplicitUsings>");
        }

        var references = new StringBuilder();
        references.AppendLine($"""    <PackageReference Include="WsLimits.Analyzers" Version="{PackedPackage.Version}" PrivateAssets="all" />""");
        foreach (var (id, version) in spec.PackageReferences)
        {
            references.AppendLine($"""    <PackageReference Include="{id}" Version="{version}" />""");
        }

        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="{spec.Sdk}">
              <PropertyGroup>
            {properties.ToString().TrimEnd()}
              </PropertyGroup>
              <ItemGroup>
            {references.ToString().TrimEnd()}
              </ItemGroup>
            </Project>
            """);
        foreach (var (path, content) in spec.Files)
        {
            var full = Path.Combine(directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return new ConsumerProject(directory, PackageFolder(package), "Consumer.csproj");
    }

    /// <summary>
    /// A copy of the checked-in solution in <paramref name="sources"/>, with the <c>Directory.Build.props</c> a user
    /// adds to put the package into every project: warnings as errors and nullable reference types on, C# latest for
    /// the netstandard2.0 targets. Each project writes its diagnostics to obj/&lt;target&gt;.sarif.
    /// </summary>
    public static ConsumerProject CreateSolution(PackedPackage package, string sources, string solution)
    {
        var directory = CreateDirectoryWithFeed(package);
        foreach (var file in System.IO.Directory.GetFiles(sources, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(directory, Path.GetRelativePath(sources, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="WsLimits.Analyzers" Version="{PackedPackage.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);

        // The test's own addition: a targets file, because a single-target project sets TargetFramework after the props.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), """
            <Project>
              <PropertyGroup>
                <ErrorLog>$(MSBuildProjectDirectory)/obj/$(TargetFramework).sarif,version=2.1</ErrorLog>
              </PropertyGroup>
            </Project>
            """);
        return new ConsumerProject(directory, PackageFolder(package), solution);
    }

    private static string CreateDirectoryWithFeed(PackedPackage package)
    {
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(package.Root, "consumer-" + Path.GetRandomFileName())).FullName;
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="wslimits-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        return directory;
    }

    /// <summary>Its own package folder, so the machine's NuGet cache never holds a test build of the package.</summary>
    private static string PackageFolder(PackedPackage package) => Path.Combine(package.Root, "packages");

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file));

    /// <summary>A full build that must succeed; <paramref name="arguments"/> are added to the command line (-p:..., say).</summary>
    public Task<string> BuildAsync(params string[] arguments) => DotnetCli.RunAsync(Directory, BuildArguments(arguments));

    /// <summary>A full build that may fail: its exit code and what it printed.</summary>
    public Task<(int ExitCode, string Printed)> TryBuildAsync(params string[] arguments) => DotnetCli.RunUncheckedAsync(Directory, BuildArguments(arguments));

    public Task<string> FormatAsync(string diagnosticId) => FormatAsync(diagnosticId, "warn");

    public Task<string> FormatAsync(string diagnosticId, string severity) => FormatAsync(new[] { diagnosticId }, severity);

    /// <summary>One <c>dotnet format analyzers</c> run that applies the fixes of all of <paramref name="diagnosticIds"/>.</summary>
    public async Task<string> FormatAsync(IEnumerable<string> diagnosticIds, string severity)
    {
        await DotnetCli.RunAsync(Directory, "restore", Workspace, "--packages", Packages);
        return await DotnetCli.RunAsync(Directory, new[] { "format", "analyzers", Workspace, "--no-restore", "--diagnostics" }.Concat(diagnosticIds).Concat(new[] { "--severity", severity }).ToArray());
    }

    /// <summary>
    /// The WsLimits results of the SARIF logs the last build wrote (see <see cref="CreateSolution"/>), suggestions
    /// included: file(line,col): level ID [target].
    /// </summary>
    public IReadOnlyList<string> ErrorLogResults()
    {
        var results = new List<string>();
        foreach (var log in System.IO.Directory.GetFiles(Directory, "*.sarif", SearchOption.AllDirectories))
        {
            using var sarif = JsonDocument.Parse(File.ReadAllText(log));
            foreach (var result in sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("WSL", StringComparison.Ordinal))
                {
                    continue;
                }

                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                var file = RelativeFile(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                results.Add($"{file}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()}): {result.GetProperty("level").GetString()} {id} [{Path.GetFileNameWithoutExtension(log)}]");
            }
        }

        return results.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The distinct diagnostics of a build's output (the console logger prints each twice: as it goes and in the
    /// summary), with the file relative to the project folder where it is inside it.
    /// </summary>
    public IReadOnlyList<BuildDiagnostic> DiagnosticsOf(string printed) => DiagnosticLine.Matches(printed)
        .Select(match => new BuildDiagnostic(
            RelativeFile(match.Groups["path"].Value),
            int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["severity"].Value,
            match.Groups["id"].Value,
            match.Groups["message"].Value))
        .Distinct()
        .OrderBy(diagnostic => diagnostic.File, StringComparer.Ordinal)
        .ThenBy(diagnostic => diagnostic.Line)
        .ThenBy(diagnostic => diagnostic.Column)
        .ThenBy(diagnostic => diagnostic.Id, StringComparer.Ordinal)
        .ToList();

    private string RelativeFile(string path)
    {
        var full = Path.GetFullPath(path, Directory);
        return full.StartsWith(Directory + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(Directory, full).Replace(Path.DirectorySeparatorChar, '/')
            : full;
    }

    private string[] BuildArguments(string[] arguments) =>
        new[] { "build", Workspace, "--packages", Packages, "--no-incremental" }.Concat(arguments).ToArray();
}
