using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace WsLimits.Bench;

/// <summary>
/// One fix's Fix All over a generated project: the equivalence key of the code action it ran for, what it left of the
/// rule, and the compiler errors it added.
/// </summary>
internal sealed record FixAllResult(string RuleId, string Fix, int DiagnosticsBefore, int DiagnosticsAfter, TimeSpan Elapsed, int NewCompilerErrors);

/// <summary>
/// Times each fix's Fix All as the IDE runs it for a solution: from asking the Fix All provider for its action to the
/// compilation of the changed solution, with the diagnostics computed beforehand.
/// </summary>
internal static class FixAllTiming
{
    // Three files: both namespace forms, and namespaces to import a helper into.
    private const int WarmUpDiagnostics = 15;

    /// <summary>Runs each fix's Fix All over a generated project holding <paramref name="diagnostics"/> diagnostics of its rule.</summary>
    public static async Task<ImmutableArray<FixAllResult>> MeasureAsync(int diagnostics, ImmutableArray<MetadataReference> references)
    {
        var results = ImmutableArray.CreateBuilder<FixAllResult>();
        foreach (var fixAllCase in FixAllCases.All)
        {
            // A small run first, so that the timed one does not pay for compiling the fix's code.
            await RunAsync(fixAllCase, WarmUpDiagnostics, references);
            results.Add(await RunAsync(fixAllCase, diagnostics, references));
        }

        return results.ToImmutable();
    }

    private static async Task<FixAllResult> RunAsync(FixAllCase fixAllCase, int diagnostics, ImmutableArray<MetadataReference> references)
    {
        using var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
        var project = workspace.AddProject(CorpusProject(FixAllCorpus.Files(fixAllCase.Methods, diagnostics), references));
        var before = (await project.GetCompilationAsync())!;
        var found = await RuleDiagnosticsAsync(before, project.AnalyzerOptions, fixAllCase);
        if (found.IsEmpty)
        {
            throw new InvalidOperationException($"{fixAllCase.RuleId}: the generated project holds no diagnostic to fix.");
        }

        var equivalenceKey = await EquivalenceKeyAsync(project, found[0], fixAllCase.Fix);
        var fixAll = fixAllCase.Fix.GetFixAllProvider()
            ?? throw new InvalidOperationException($"{fixAllCase.Fix.GetType().Name} has no Fix All.");
        var context = new FixAllContext(
            project, fixAllCase.Fix, FixAllScope.Solution, equivalenceKey, fixAllCase.Fix.FixableDiagnosticIds, new PrecomputedDiagnostics(found), CancellationToken.None);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        var action = await fixAll.GetFixAsync(context)
            ?? throw new InvalidOperationException($"{fixAllCase.RuleId}: Fix All offered no action.");
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var fixedProject = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetProject(project.Id)!;
        var after = (await fixedProject.GetCompilationAsync())!;
        clock.Stop();

        var remaining = await RuleDiagnosticsAsync(after, fixedProject.AnalyzerOptions, fixAllCase);
        return new FixAllResult(fixAllCase.RuleId, equivalenceKey, found.Length, remaining.Length, clock.Elapsed, NewErrors(before, after));
    }

    private static ProjectInfo CorpusProject(IEnumerable<(string Path, string Text)> files, ImmutableArray<MetadataReference> references)
    {
        var id = ProjectId.CreateNewId();
        return ProjectInfo.Create(
            id,
            VersionStamp.Default,
            "FixAllCorpus",
            "FixAllCorpus",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            documents: files.Select(file => DocumentInfo.Create(
                DocumentId.CreateNewId(id),
                file.Path,
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(file.Text), VersionStamp.Default)),
                filePath: "/corpus/" + file.Path)),
            metadataReferences: references);
    }

    private static async Task<ImmutableArray<Diagnostic>> RuleDiagnosticsAsync(Compilation compilation, AnalyzerOptions options, FixAllCase fixAllCase)
    {
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create(fixAllCase.Analyzer), options)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(diagnostic => diagnostic.Id == fixAllCase.RuleId).ToImmutableArray();
    }

    /// <summary>
    /// Fix All starts from the code action offered on one diagnostic and fixes every diagnostic whose action shares
    /// its equivalence key; each of these fixes offers one action per diagnostic.
    /// </summary>
    private static async Task<string> EquivalenceKeyAsync(Project project, Diagnostic diagnostic, CodeFixProvider fix)
    {
        var actions = new List<CodeAction>();
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions.FirstOrDefault()?.EquivalenceKey
            ?? throw new InvalidOperationException($"{fix.GetType().Name} offers no fix for {diagnostic}.");
    }

    /// <summary>Errors matched by ID and message, so that an error the fix only moved does not count as new.</summary>
    private static int NewErrors(Compilation before, Compilation after)
    {
        var old = before.GetDiagnostics().Where(IsError).Select(Key).ToList();
        return after.GetDiagnostics().Where(IsError).Select(Key).Count(error => !old.Remove(error));

        static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

        static string Key(Diagnostic diagnostic) => diagnostic.Id + ": " + diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    /// <summary>Serves the diagnostics computed before the clock starts, as the IDE serves those it already has.</summary>
    private sealed class PrecomputedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _all;
        private readonly ILookup<string?, Diagnostic> _byFile;

        public PrecomputedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
        {
            _all = diagnostics;
            _byFile = diagnostics.ToLookup(diagnostic => diagnostic.Location.SourceTree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(_byFile[document.FilePath]);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(_all.Where(diagnostic => !diagnostic.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_all);
    }
}
