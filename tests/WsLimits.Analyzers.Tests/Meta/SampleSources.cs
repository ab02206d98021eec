using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Tests.Shared;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>One sample project: its files as syntax trees, with the implicit usings its SDK adds, and its .globalconfig.</summary>
internal sealed record SampleProject(string Name, SyntaxTree[] Trees, AnalyzerConfigOptionsProvider? Options)
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private const string WebImplicitUsings = """
        global using System.Net.Http.Json;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    /// <summary>Every project under samples/, each file named by its path relative to samples/.</summary>
    public static IEnumerable<SampleProject> LoadAll()
    {
        var samples = RepositoryFiles.Path("samples");
        foreach (var project in Directory.GetFiles(samples, "*.csproj", SearchOption.AllDirectories))
        {
            var folder = Path.GetDirectoryName(project)!;
            var usings = File.ReadAllText(project).Contains("Microsoft.NET.Sdk.Web", StringComparison.Ordinal) ? ImplicitUsings + "\n" + WebImplicitUsings : ImplicitUsings;
            var trees = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(file => !IsBuildOutput(file))
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: Path.GetRelativePath(samples, file).Replace('\\', '/')))
                .Append(CSharpSyntaxTree.ParseText(usings))
                .ToArray();
            yield return new SampleProject(Path.GetFileNameWithoutExtension(project), trees, GlobalConfigAbove(folder, samples));
        }
    }

    /// <summary>The .globalconfig the SDK would give the project: the nearest one in its folder or above, within samples/.</summary>
    private static GlobalConfigOptions? GlobalConfigAbove(string folder, string samples)
    {
        for (var current = folder; current.Length >= samples.Length; current = Path.GetDirectoryName(current)!)
        {
            var config = Path.Combine(current, ".globalconfig");
            if (File.Exists(config))
            {
                return new GlobalConfigOptions(File.ReadAllText(config));
            }
        }

        return null;
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
