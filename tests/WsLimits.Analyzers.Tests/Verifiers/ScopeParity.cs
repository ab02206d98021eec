using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace WsLimits.Analyzers.Tests.Verifiers;

/// <summary>
/// The editor analyzes one open file at a time, the build the whole compilation: a rule whose reasoning crosses files
/// must report the same either way. Each file is analyzed in a session of its own, on a compilation of its own, as
/// after an edit, so that nothing learned from another file's analysis helps.
/// </summary>
internal static class ScopeParity
{
    public static async Task AssertSameDiagnosticsAsync(DiagnosticAnalyzer analyzer, IReadOnlyList<string> markedSources, string targetFramework)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = markedSources.Select((source, index) =>
        {
            TestFileMarkupParser.GetSpans(source, out var code, out ImmutableArray<TextSpan> _);
            return CSharpSyntaxTree.ParseText(code, parseOptions, path: $"/0/File{index}.cs");
        }).ToImmutableArray();
        var references = (await TargetFrameworks.For(targetFramework).ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(TargetFrameworks.AdditionalReferences(targetFramework));
        var compilation = CSharpCompilation.Create("ScopeParity", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create(analyzer);

        var build = (await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync()).Select(Describe).Order().ToList();
        var editor = new List<string>();
        foreach (var tree in trees)
        {
            var session = compilation.Clone();
            var diagnostics = await session.WithAnalyzers(analyzers).GetAnalyzerSemanticDiagnosticsAsync(session.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
            editor.AddRange(diagnostics.Select(Describe));
        }

        Assert.Equal(build, editor.Order().ToList());
    }

    private static string Describe(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}: {diagnostic.GetMessage()}";
}
