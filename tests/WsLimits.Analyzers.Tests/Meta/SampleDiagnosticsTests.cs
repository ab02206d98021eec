using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// The samples, which hold the risky patterns next to their safe forms, get exactly the diagnostics listed in
/// samples/expected-diagnostics.txt: every risky line, and no safe one. Each project is analyzed on its own, with
/// ASP.NET Core and the SignalR client referenced and its .globalconfig applied, as its build does.
/// </summary>
public sealed class SampleDiagnosticsTests
{
    [Fact]
    public async Task SamplesGetExactlyTheExpectedDiagnostics()
    {
        var actual = new List<string>();
        foreach (var project in SampleProject.LoadAll())
        {
            var compilation = AnalyzerHost.CompileWithWebSockets()
                .AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore))
                .AddSyntaxTrees(project.Trees);
            var result = await AnalyzerHost.RunAsync(compilation, project.Options);
            Assert.Empty(result.Exceptions);
            actual.AddRange(result.Diagnostics.Select(diagnostic =>
            {
                var span = diagnostic.Location.GetLineSpan();
                return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}";
            }));
        }

        var expected = File.ReadAllLines(RepositoryFiles.Path("samples", "expected-diagnostics.txt"))
            .Where(line => line.Length > 0)
            .OrderBy(line => line, StringComparer.Ordinal);
        Assert.Equal(expected, actual.OrderBy(line => line, StringComparer.Ordinal));
    }
}
