using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>Meziantou.Analyzer's analyzers, loaded from the package restore downloaded, for Roslyn 4.8 like ours.</summary>
internal static class PeerAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> Meziantou()
    {
        var package = typeof(PeerAnalyzers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "MeziantouAnalyzerPackage").Value!;
        var path = Path.Combine(package, "analyzers", "dotnet", "roslyn4.8", "cs", "Meziantou.Analyzer.dll");
        return new AnalyzerFileReference(path, new DefaultContextLoader()).GetAnalyzers(LanguageNames.CSharp);
    }

    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
