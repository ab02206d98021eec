using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>The sample chat server and client as syntax trees, with the implicit usings their SDKs add.</summary>
internal static class SampleSources
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Each sample file, its path relative to samples/, then the implicit usings.</summary>
    public static SyntaxTree[] Load()
    {
        var samples = RepositoryFiles.Path("samples");
        return Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: Path.GetRelativePath(samples, file).Replace('\\', '/')))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings))
            .ToArray();
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
