using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>Runs every analyzer of the package over a compilation the way a build does, recording any exception.</summary>
internal static class AnalyzerHost
{
    private static readonly ImmutableArray<MetadataReference> RuntimeReferences = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    private static readonly ImmutableArray<MetadataReference> CoreLibraryOnly = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(object).Assembly.Location));

    public static CSharpCompilation CompileWithWebSockets(params string[] sources) => Compile(RuntimeReferences, sources);

    public static CSharpCompilation CompileWithoutWebSockets(params string[] sources) => Compile(CoreLibraryOnly, sources);

    /// <param name="configuration">The .editorconfig and .globalconfig options the build would pass, if any.</param>
    public static async Task<Result> RunAsync(Compilation compilation, AnalyzerConfigOptionsProvider? configuration = null)
    {
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            configuration is null ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty) : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, configuration),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(PackageContents.Analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var telemetry = ImmutableDictionary.CreateBuilder<string, AnalyzerTelemetryInfo>();
        foreach (var analyzer in PackageContents.Analyzers)
        {
            telemetry[analyzer.GetType().Name] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        }

        return new Result(diagnostics, exceptions.ToImmutableArray(), telemetry.ToImmutable());
    }

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, string[] sources) => CSharpCompilation.Create(
        "Subject",
        sources.Select(source => CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public sealed record Result(
        ImmutableArray<Diagnostic> Diagnostics,
        ImmutableArray<string> Exceptions,
        ImmutableDictionary<string, AnalyzerTelemetryInfo> Telemetry);
}
