using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using WsLimits.Tests.Shared;

namespace WsLimits.PeerLab.Tests.Fixes;

/// <summary>
/// Takes user code, applies the package's code fixes the way the IDE does until none is left, and compiles the
/// result into an assembly: the peer tests then run exactly the code the fixes write.
/// </summary>
internal static class FixedCode
{
    private static readonly ImmutableArray<MetadataReference> RuntimeReferences = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    private static int _assemblies;

    /// <summary>The sources after every fix of <paramref name="fixers"/> has been applied, helper files included.</summary>
    /// <param name="globalConfig">'wslimits.*' settings for the project, as a .globalconfig would give them.</param>
    public static async Task<ImmutableArray<string>> ApplyAsync(string source, DiagnosticAnalyzer[] analyzers, CodeFixProvider[] fixers, string? globalConfig = null)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Subject",
            "Subject",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: RuntimeReferences));
        var solution = workspace.AddDocument(project.Id, "Subject.cs", SourceText.From(source)).Project.Solution;
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalConfigOptions(globalConfig ?? string.Empty));

        for (var round = 0; round < 20; round++)
        {
            var compilation = (await solution.Projects.Single().GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(analyzers.ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
            var next = diagnostics.FirstOrDefault(diagnostic => fixers.Any(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)));
            if (next is null)
            {
                return await TextsAsync(solution);
            }

            var fixer = fixers.First(candidate => candidate.FixableDiagnosticIds.Contains(next.Id));
            var document = solution.GetDocument(next.Location.SourceTree)!;
            CodeAction? action = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, next, (registered, _) => action ??= registered, CancellationToken.None));
            if (action is null)
            {
                throw new InvalidOperationException($"no fix offered for {next}");
            }

            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException("the fixes did not converge");
    }

    /// <summary>Compiles sources into a loaded assembly; compiler errors fail the test with their text.</summary>
    public static Assembly Compile(IEnumerable<string> sources)
    {
        var compilation = CSharpCompilation.Create(
            "Fixed" + Interlocked.Increment(ref _assemblies),
            sources.Select(text => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest))),
            RuntimeReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!emitted.Success || problems.Count > 0)
        {
            throw new InvalidOperationException("fixed code does not compile cleanly:\n" + string.Join("\n", problems));
        }

        image.Position = 0;
        return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(image);
    }

    private static async Task<ImmutableArray<string>> TextsAsync(Solution solution)
    {
        var texts = ImmutableArray.CreateBuilder<string>();
        foreach (var document in solution.Projects.Single().Documents)
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }

        return texts.ToImmutable();
    }
}
