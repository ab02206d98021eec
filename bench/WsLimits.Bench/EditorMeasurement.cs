using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace WsLimits.Bench;

/// <summary>What analyzing one open document costs us and a peer after a one-line edit in another file of the project.</summary>
internal sealed record EditorResult(int Files, string Document, string EditedFile, Spread Ours, Spread Peer, Spread OursCold, Spread PeerCold, string PeerName)
{
    public double Ratio => Ours.Median / Peer.Median;

    public double ColdRatio => OursCold.Median / PeerCold.Median;
}

/// <summary>
/// The editor's case: a one-line edit in one file gives a new compilation (made from the last one by replacing that
/// tree, as an IDE's workspace does), and the open document is analyzed again at document scope. Every pass starts from
/// its own edit, so neither package finds the other's, or its own earlier, results cached. Measured twice: after the
/// compiler's diagnostics of the document, as an IDE computes them first, which build the new compilation's symbol
/// tables; and cold, where the first package to read a symbol builds them.
/// </summary>
internal static class EditorMeasurement
{
    public static async Task<EditorResult> RunAsync(
        IReadOnlyList<(string Path, string Text)> files,
        ImmutableArray<MetadataReference> references,
        ImmutableArray<DiagnosticAnalyzer> ours,
        PeerPackage peer,
        int passes)
    {
        Console.WriteLine($"{DateTime.Now:HH:mm:ss} editor, {files.Count} files");
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path)).ToList();
        var project = CSharpCompilation.Create(
            "Corpus",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The project as an open IDE holds it: declarations and every body bound once.
        project.GetDiagnostics();
        var document = trees.First(tree => tree.GetText().ToString().Contains("System.Net.WebSockets", StringComparison.Ordinal));
        var edited = trees.First(tree => tree != document && !tree.GetText().ToString().Contains("System.Net.WebSockets", StringComparison.Ordinal));

        // Warm every code path once.
        await AnalyzeAsync(Edit(project, edited, -1), document, ours, compilerFirst: true);
        await AnalyzeAsync(Edit(project, edited, -2), document, peer.Analyzers, compilerFirst: true);

        var afterCompiler = await PairsAsync(project, edited, document, ours, peer, passes, compilerFirst: true, firstEdit: 0);
        var cold = await PairsAsync(project, edited, document, ours, peer, passes, compilerFirst: false, firstEdit: 2 * passes);
        return new EditorResult(files.Count, document.FilePath, edited.FilePath, afterCompiler.Ours, afterCompiler.Peer, cold.Ours, cold.Peer, peer.Name);
    }

    private static async Task<(Spread Ours, Spread Peer)> PairsAsync(
        Compilation project, SyntaxTree edited, SyntaxTree document, ImmutableArray<DiagnosticAnalyzer> ours, PeerPackage peer, int passes, bool compilerFirst, int firstEdit)
    {
        var ourTimes = new List<double>();
        var peerTimes = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            var ourEdit = Edit(project, edited, firstEdit + (2 * pass));
            var peerEdit = Edit(project, edited, firstEdit + (2 * pass) + 1);

            // Alternating order, so that drift in the machine falls on both sides.
            if (pass % 2 == 0)
            {
                ourTimes.Add(await AnalyzeAsync(ourEdit, document, ours, compilerFirst));
                peerTimes.Add(await AnalyzeAsync(peerEdit, document, peer.Analyzers, compilerFirst));
            }
            else
            {
                peerTimes.Add(await AnalyzeAsync(peerEdit, document, peer.Analyzers, compilerFirst));
                ourTimes.Add(await AnalyzeAsync(ourEdit, document, ours, compilerFirst));
            }
        }

        return (Spread.Of(ourTimes), Spread.Of(peerTimes));
    }

    /// <summary>The project after a one-line edit inside a method body of <paramref name="tree"/>; each edit number gives a different text.</summary>
    private static Compilation Edit(Compilation project, SyntaxTree tree, int edit)
    {
        var text = tree.GetText();
        var line = text.Lines.First(candidate => candidate.ToString().TrimStart().StartsWith("var ", StringComparison.Ordinal));
        var changed = text.WithChanges(new TextChange(new TextSpan(line.End, 0), $" var edit = {edit};"));
        return project.ReplaceSyntaxTree(tree, tree.WithChangedText(changed));
    }

    /// <summary>The wall time of the document's syntax and semantic analysis, in milliseconds, as an editor asks for them.</summary>
    private static async Task<double> AnalyzeAsync(Compilation compilation, SyntaxTree document, ImmutableArray<DiagnosticAnalyzer> analyzers, bool compilerFirst)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var tree = compilation.SyntaxTrees.Single(candidate => candidate.FilePath == document.FilePath);
        if (compilerFirst)
        {
            compilation.GetSemanticModel(tree).GetDiagnostics();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var clock = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, default);
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, default);
        return clock.Elapsed.TotalMilliseconds;
    }
}
