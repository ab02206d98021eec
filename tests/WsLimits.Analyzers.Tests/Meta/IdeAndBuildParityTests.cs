using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// Every rule reports the same in the IDE, which analyzes one open file at a time, as in a build, which analyzes the
/// whole compilation; and a rule that reports only at the end of a compilation says so with the CompilationEnd tag.
/// </summary>
public sealed class IdeAndBuildParityTests
{
    [Fact]
    public async Task EachFileGetsTheSameDiagnosticsAloneAsInTheWholeBuild()
    {
        var trees = SampleSources.Load();
        var compilation = AnalyzerHost.CompileWithWebSockets().AddSyntaxTrees(trees);
        var analyzers = PackageContents.Analyzers.Where(analyzer => !IsCompilationEnd(analyzer)).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(analyzers);

        var build = (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Select(Describe).OrderBy(text => text).ToList();
        var ide = new System.Collections.Generic.List<string>();
        foreach (var tree in trees)
        {
            var perFile = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
            ide.AddRange(perFile.Select(Describe));
        }

        Assert.NotEmpty(build);
        Assert.Equal(build, ide.OrderBy(text => text));
    }

    [Theory]
    [MemberData(nameof(PackageContents.DescriptorIds), MemberType = typeof(PackageContents))]
    public void OnlyRulesWithoutASourceLocationReportAtCompilationEnd(string id)
    {
        var descriptor = PackageContents.Descriptor(id);
        var reportsAtEnd = id == "WSL9001";
        Assert.Equal(reportsAtEnd, descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
    }

    private static bool IsCompilationEnd(DiagnosticAnalyzer analyzer) =>
        analyzer.SupportedDiagnostics.Any(descriptor => descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}";
}
