using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// The sample chat server and client, which hold the risky patterns next to their safe forms, get exactly the
/// diagnostics listed in samples/expected-diagnostics.txt: every risky line, and no safe one.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    /// <summary>The implicit usings of the samples' SDKs that their code relies on.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [Fact]
    public async Task SamplesGetExactlyTheExpectedDiagnostics()
    {
        var samples = RepositoryFiles.Path("samples");
        var files = Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: Path.GetRelativePath(samples, file).Replace('\\', '/')))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings))
            .ToArray();

        var result = await AnalyzerHost.RunAsync(AnalyzerHost.CompileWithWebSockets().AddSyntaxTrees(trees));

        var actual = result.Diagnostics
            .Select(diagnostic => diagnostic.Location.GetLineSpan())
            .Zip(result.Diagnostics, (span, diagnostic) => $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}")
            .OrderBy(line => line, StringComparer.Ordinal);
        var expected = File.ReadAllLines(RepositoryFiles.Path("samples", "expected-diagnostics.txt"))
            .Where(line => line.Length > 0)
            .OrderBy(line => line, StringComparer.Ordinal);
        Assert.Empty(result.Exceptions);
        Assert.Equal(expected, actual);
    }
}
