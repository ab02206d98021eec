using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.Tests.Verifiers;
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
        var analyzers = PackageContents.Analyzers.Where(analyzer => !IsCompilationEnd(analyzer)).ToImmutableArray();
        var build = new List<string>();
        var ide = new List<string>();
        foreach (var project in SampleProject.LoadAll())
        {
            var compilation = AnalyzerHost.CompileWithWebSockets()
                .AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore))
                .AddSyntaxTrees(project.Trees);
            var options = project.Options is null
                ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)
                : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, project.Options);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

            build.AddRange((await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Select(Describe));
            foreach (var tree in project.Trees)
            {
                var perFile = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
                ide.AddRange(perFile.Select(Describe));
            }
        }

        Assert.NotEmpty(build);
        Assert.Equal(build.OrderBy(text => text), ide.OrderBy(text => text));
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
