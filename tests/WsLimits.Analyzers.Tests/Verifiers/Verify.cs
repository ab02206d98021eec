using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace WsLimits.Analyzers.Tests.Verifiers;

/// <summary>Runs an analyzer, and optionally its code fix, over markup sources against one reference-assembly set.</summary>
public static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The rule's main diagnostic: the analyzer's first descriptor, as unnamed markup (<c>[|...|]</c>) means.</summary>
    public static DiagnosticResult Diagnostic() => new(new TAnalyzer().SupportedDiagnostics[0]);

    /// <summary>Another message of the same rule.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Test Create(string source, string targetFramework = TargetFrameworks.Net80, string? editorConfig = null)
    {
        var test = new Test { TestCode = source, ReferenceAssemblies = TargetFrameworks.For(targetFramework) };
        test.TestState.AdditionalReferences.AddRange(TargetFrameworks.AdditionalReferences(targetFramework));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        return test;
    }

    public static Task AnalyzerAsync(string source, string targetFramework = TargetFrameworks.Net80, params DiagnosticResult[] expected)
    {
        var test = Create(source, targetFramework);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Analyzes a project of several files, as code spread over types and files is, and checks that each file analyzed
    /// alone, as the editor does, gets what the whole build gives it.
    /// </summary>
    public static async Task ProjectAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = Create(sources[0]);
        for (var i = 1; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/File{i}.cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
        await ScopeParity.AssertSameDiagnosticsAsync(new TAnalyzer(), sources, TargetFrameworks.Net80);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            // Sources use C# 12 where the framework allows; the netstandard sets fall back to what they support.
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var options = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)project.ParseOptions!;
                return solution.WithProjectParseOptions(projectId, options.WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12));
            });
        }

        /// <summary>A rule with several messages under one ID: unnamed markup stands for its first.</summary>
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => analyzers[0].SupportedDiagnostics[0];
    }
}
