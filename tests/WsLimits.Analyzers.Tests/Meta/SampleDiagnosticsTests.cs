using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// The sample chat server and client, which hold the risky patterns next to their safe forms, get exactly the
/// diagnostics listed in samples/expected-diagnostics.txt: every risky line, and no safe one.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    [Fact]
    public async Task SamplesGetExactlyTheExpectedDiagnostics()
    {
        var trees = SampleSources.Load();

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
