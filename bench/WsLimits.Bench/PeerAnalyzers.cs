using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>A peer analyzer package, loaded from the folder restore downloaded it to.</summary>
internal sealed record PeerPackage(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)
{
    /// <summary>Meziantou.Analyzer, its build for Roslyn 4.8 like ours.</summary>
    public static PeerPackage Meziantou() => Load("Meziantou.Analyzer", "MeziantouAnalyzerPackage", "analyzers/dotnet/roslyn4.8/cs/Meziantou.Analyzer.dll");

    /// <summary>
    /// Microsoft.CodeAnalysis.NetAnalyzers with its default rules: the driver runs only the analyzers with a rule
    /// enabled by default, as a build does with the SDK's default analysis level.
    /// </summary>
    public static PeerPackage NetAnalyzers() => Load(
        "Microsoft.CodeAnalysis.NetAnalyzers",
        "NetAnalyzersPackage",
        "analyzers/dotnet/cs/Microsoft.CodeAnalysis.NetAnalyzers.dll",
        "analyzers/dotnet/cs/Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll");

    public string Version { get; init; } = string.Empty;

    private static PeerPackage Load(string name, string metadataKey, params string[] assemblies)
    {
        var folder = typeof(PeerPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == metadataKey).Value!;
        var analyzers = assemblies
            .SelectMany(assembly => new AnalyzerFileReference(Path.Combine(folder, assembly), DefaultContextLoader.Instance).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        return new PeerPackage(name, analyzers) { Version = Path.GetFileName(folder) };
    }

    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public static readonly DefaultContextLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
