using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace WsLimits.Bench;

/// <summary>The results as markdown, with each budget of the README checked against them.</summary>
internal sealed record BenchReport(string Text, string FileName, bool BudgetsMet)
{
    private const double PeerRatioBudget = 0.5;
    private const double EditorRatioBudget = 0.5;
    private const double GrowthTolerance = 1.25;
    private static readonly TimeSpan FixAllBudget = TimeSpan.FromSeconds(10);

    public static BenchReport Write(
        int ourAnalyzers,
        ImmutableArray<PeerPackage> peers,
        int passes,
        IReadOnlyList<CorpusResult> generated,
        CorpusResult withoutWebSockets,
        CorpusResult? real,
        EditorResult editor,
        ImmutableArray<FixAllResult> fixAll)
    {
        var commit = Run("git", "rev-parse --short HEAD");
        var withWebSockets = real is null ? generated : generated.Append(real).ToList();
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# WsLimits.Analyzers benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
        text.AppendLine();
        text.AppendLine(Invariant($"- commit {commit}; .NET SDK {Run("dotnet", "--version")}, runtime {Environment.Version}; Roslyn {typeof(Compilation).Assembly.GetName().Version}"));
        text.AppendLine(Invariant($"- {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores ({Cpu()}); JIT tiering off and non-concurrent GC, so that every pass runs the same code"));
        text.AppendLine(Invariant($"- {ourAnalyzers} WsLimits analyzers; peers: ") + string.Join(", ", peers.Select(peer => Invariant($"{peer.Name} {peer.Version} ({peer.Analyzers.Length} analyzers)"))));
        text.AppendLine("- compile: parsing, binding and emitting the corpus, the least of the passes");
        text.AppendLine(Invariant($"- WsLimits overhead, wall time: the analysis driver's wall time with our analyzers minus that with one empty analyzer that follows the compilation to its end, in {passes} pairs of alternating order; the median pair and the quartiles. It is all our analyzers add to a build (callbacks, type lookups, the binding of the methods that call a WebSocket API, the driver's bookkeeping), but on this machine it wanders by more than that. Every pass binds the references into the source assembly before the clock starts: a build does that whatever the analyzers, and whichever analyzer looked up a type first was charged for it"));
        text.AppendLine("- WsLimits overhead, telemetry: the sum of our analyzers' own times in the same runs, binding and type lookups included; steady, but without the driver's bookkeeping. The budget takes the larger of the two where the wall time's quartiles lie closer together than the budget, and the telemetry alone where they do not (the wall time cannot tell the budget from noise then); the table says which");
        text.AppendLine("- cost per analyzer: a package's overhead (ours: the estimate of the overhead table) divided among its analyzers that ran, so that binding counts wherever it happens; the budget compares ours with the cheaper peer's");
        text.AppendLine(Invariant($"- editor: the wall time of analyzing one open document at document scope (syntax and semantic diagnostics, as an IDE asks for them) after a one-line edit in another file, on a compilation made from the fully bound project by replacing the edited tree; {passes} passes of alternating order, each from its own edit, the median and the quartiles. The budget's figure is taken after the compiler's diagnostics of the document, which an IDE computes first and which build the new compilation's symbol tables; the cold figure, where the first package to read a symbol builds them, is given beside it"));
        text.AppendLine("- own time: Roslyn's per-analyzer telemetry (ours the least of 3 passes, the peers' of 1) beside an analyzer that has the driver bind every code block first, so that the peers' callbacks are timed without binding; a peer's median is over its analyzers that ran. Our rules bind through each tree's semantic model, so the first of them to run carries the binding of the methods that call a WebSocket API, and the others share it");
        text.AppendLine();

        var budgets = new List<(string Budget, string Result, bool Met)>();
        foreach (var corpus in withWebSockets)
        {
            budgets.Add((Invariant($"overhead ≤ {CorpusResult.OverheadBudget:0%} of compile (the estimate below), {corpus.Files} files"), Invariant($"{corpus.OverheadShare:0.00%}"), corpus.OverheadShare <= CorpusResult.OverheadBudget));
            var ratio = corpus.OverheadPerAnalyzer / corpus.LowestPeerOverheadPerAnalyzer;
            budgets.Add((Invariant($"cost per analyzer ≤ {PeerRatioBudget}× the cheaper peer's, {corpus.Files} files"), Invariant($"{ratio:0.00}×"), ratio <= PeerRatioBudget));
        }

        budgets.Add(("no action registered without WebSocket types", Invariant($"{withoutWebSockets.RegisteredActions} actions, {withoutWebSockets.Diagnostics} diagnostics"), withoutWebSockets.RegisteredActions == 0));
        if (generated.Count > 1)
        {
            var (smallest, largest) = (generated[0], generated[^1]);
            var growth = Ratio(largest.OurTotal / largest.Files, smallest.OurTotal / smallest.Files);
            budgets.Add((Invariant($"own time per file at {largest.Files} files ≤ {GrowthTolerance}× that at {smallest.Files} (linear)"), Invariant($"{growth:0.00}×"), growth <= GrowthTolerance));
        }

        budgets.Add((Invariant($"editor: one document after an edit elsewhere, {editor.Files} files, ≤ {EditorRatioBudget}× {editor.PeerName}'s time"), Invariant($"{editor.Ratio:0.00}×"), editor.Ratio <= EditorRatioBudget));
        foreach (var fix in fixAll)
        {
            budgets.Add((Invariant($"Fix All {fix.RuleId}, {fix.DiagnosticsBefore} diagnostics, ≤ {FixAllBudget.TotalSeconds:0} s, all fixed, no new error"), Invariant($"{fix.Elapsed.TotalSeconds:0.0} s, {fix.DiagnosticsAfter} left, {fix.NewCompilerErrors} new errors"), fix.Elapsed <= FixAllBudget && fix.DiagnosticsAfter == 0 && fix.NewCompilerErrors == 0));
        }

        text.AppendLine("## Budgets");
        text.AppendLine();
        text.AppendLine("| budget | result | met |");
        text.AppendLine("|---|---|---|");
        foreach (var (budget, result, met) in budgets)
        {
            text.AppendLine(Invariant($"| {budget} | {result} | {(met ? "yes" : "**no**")} |"));
        }

        var all = withWebSockets.Append(withoutWebSockets).ToList();
        text.AppendLine();
        text.AppendLine("## Overhead");
        text.AppendLine();
        text.AppendLine("| corpus | files | compile | WsLimits overhead: wall time, median [quartiles] | WsLimits overhead: telemetry | estimate, % of compile | allocated beyond the empty analyzer | diagnostics | actions registered |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var corpus in all)
        {
            // With no action registered the driver runs nothing, not even the binding the empty analyzer asks for.
            var overhead = corpus.RegisteredActions == 0
                ? "none: no action registered | none | 0% | none"
                : Invariant($"{corpus.Overhead.Median:0.0} ms [{corpus.Overhead.Lower:0.0}, {corpus.Overhead.Upper:0.0}] | {corpus.OwnTimeWithBinding.Median:0.0} ms | {corpus.OverheadShare:0.00%} ({(corpus.WallResolvesBudget ? "the larger" : "telemetry: the wall time's quartiles are wider than the budget")}) | {corpus.Allocated.Median / 1048576:0.0} MiB");
            text.AppendLine(Invariant($"| {corpus.Name} | {corpus.Files} | {Ms(corpus.Compile)} | {overhead} | {corpus.Diagnostics} | {corpus.RegisteredActions} |"));
        }

        text.AppendLine();
        text.AppendLine("## Cost per analyzer beside the peers");
        text.AppendLine();
        text.AppendLine("| corpus | files | WsLimits: overhead / analyzers that ran | " + string.Join(" | ", peers.Select(peer => peer.Name + ": overhead / analyzers that ran")) + " | ours / cheaper peer's |");
        text.AppendLine("|---|---|---|" + string.Concat(peers.Select(_ => "---|")) + "---|");
        foreach (var corpus in withWebSockets)
        {
            text.AppendLine(Invariant($"| {corpus.Name} | {corpus.Files} | {corpus.OverheadEstimate:0.0} ms / {corpus.AnalyzersThatRan} = {corpus.OverheadPerAnalyzer:0.00} ms | ")
                + string.Join(" | ", corpus.Peers.Select(peer => Invariant($"{peer.Overhead.Median:0.0} ms / {peer.AnalyzersThatRan} = {peer.OverheadPerAnalyzer:0.00} ms")))
                + Invariant($" | {corpus.OverheadPerAnalyzer / corpus.LowestPeerOverheadPerAnalyzer:0.00} |"));
        }

        text.AppendLine();
        text.AppendLine("## Own time beside the peers");
        text.AppendLine();
        text.AppendLine("Telemetry leaves out what the driver does for an analyzer: it walks every method for the peers' operation and syntax-node actions, uncharged, while ours walk the few files that name a WebSocket API themselves, charged. So this table is for finding our slow rules, not for the budget.");
        text.AppendLine();
        text.AppendLine("| corpus | files | WsLimits total | WsLimits slowest | " + string.Join(" | ", peers.Select(peer => peer.Name + " median")) + " | slowest / lower peer median |");
        text.AppendLine("|---|---|---|---|" + string.Concat(peers.Select(_ => "---|")) + "---|");
        foreach (var corpus in all)
        {
            text.AppendLine(Invariant($"| {corpus.Name} | {corpus.Files} | {Ms(corpus.OurTotal)} | {Ms(corpus.OurSlowest.Value)} ({ShortName(corpus.OurSlowest.Key)}) | ") + string.Join(" | ", corpus.Peers.Select(peer => Ms(peer.MedianOwnTime))) + Invariant($" | {Ratio(corpus.OurSlowest.Value, corpus.LowestPeerMedian):0.00} |"));
        }

        var names = all[0].OurCallbacks.Keys.OrderBy(name => name, StringComparer.Ordinal).ToList();
        text.AppendLine();
        text.AppendLine("Each WsLimits analyzer's own time:");
        text.AppendLine();
        text.AppendLine("| corpus | files | " + string.Join(" | ", names.Select(ShortName)) + " |");
        text.AppendLine("|---|---|" + string.Concat(names.Select(_ => "---|")));
        foreach (var corpus in all)
        {
            text.AppendLine(Invariant($"| {corpus.Name} | {corpus.Files} | ") + string.Join(" | ", names.Select(name => Ms(corpus.OurCallbacks[name]))) + " |");
        }

        text.AppendLine();
        text.AppendLine("## Editor");
        text.AppendLine();
        text.AppendLine("| corpus | files | open document | edited file | order | WsLimits, median [quartiles] | " + editor.PeerName + ", median [quartiles] | ours / peer's |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        EditorRow("after the compiler's diagnostics (budget)", editor.Ours, editor.Peer, editor.Ratio);
        EditorRow("cold", editor.OursCold, editor.PeerCold, editor.ColdRatio);

        void EditorRow(string order, Spread ours, Spread peer, double ratio) => text.AppendLine(Invariant(
            $"| generated, 1 in {Corpus.WebSocketShare} files with WebSocket code | {editor.Files} | {editor.Document} | {editor.EditedFile} | {order} | {ours.Median:0.0} ms [{ours.Lower:0.0}, {ours.Upper:0.0}] | {peer.Median:0.0} ms [{peer.Lower:0.0}, {peer.Upper:0.0}] | {ratio:0.00} |"));

        text.AppendLine();
        text.AppendLine("## Fix All");
        text.AppendLine();
        text.AppendLine("| rule | fix | diagnostics before | after | time | new compiler errors |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var fix in fixAll)
        {
            text.AppendLine(Invariant($"| {fix.RuleId} | {fix.Fix} | {fix.DiagnosticsBefore} | {fix.DiagnosticsAfter} | {fix.Elapsed.TotalSeconds:0.0} s | {fix.NewCompilerErrors} |"));
        }

        return new BenchReport(text.ToString(), Invariant($"{DateTime.UtcNow:yyyy-MM-dd}-{commit}.md"), budgets.All(budget => budget.Met));
    }

    private static double Ratio(TimeSpan ours, TimeSpan theirs) => theirs > TimeSpan.Zero ? ours / theirs : double.PositiveInfinity;

    private static string ShortName(string fullName) => fullName[(fullName.LastIndexOf('.') + 1)..];

    private static string Ms(TimeSpan time) => Invariant($"{time.TotalMilliseconds:0.0} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Run(string program, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Cpu() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
        : "unknown CPU";
}
