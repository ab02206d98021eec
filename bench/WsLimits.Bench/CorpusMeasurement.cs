using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsLimits.Bench;

/// <summary>What one corpus costs to compile, and what our analyzers and the peers' add to it.</summary>
internal sealed record CorpusResult(
    string Name,
    int Files,
    TimeSpan Compile,
    Spread Overhead,
    Spread OwnTimeWithBinding,
    Spread Allocated,
    int Diagnostics,
    int RegisteredActions,
    int AnalyzersThatRan,
    ImmutableDictionary<string, TimeSpan> OurCallbacks,
    ImmutableArray<PeerResult> Peers)
{
    public const double OverheadBudget = 0.01;

    /// <summary>
    /// True when the wall-time difference can tell the budget from noise: its quartiles lie closer together than the
    /// budget's share of the compile time.
    /// </summary>
    public bool WallResolvesBudget => Overhead.Upper - Overhead.Lower <= OverheadBudget * Compile.TotalMilliseconds;

    /// <summary>
    /// Our overhead: the larger of the wall-time difference, which counts the driver's bookkeeping, and our telemetry,
    /// which is steady but leaves that bookkeeping out; the telemetry alone where the wall-time difference wanders by
    /// more than the budget, as it says nothing about the budget then.
    /// </summary>
    public double OverheadEstimate => WallResolvesBudget ? Math.Max(Overhead.Median, OwnTimeWithBinding.Median) : OwnTimeWithBinding.Median;

    public double OverheadShare => OverheadEstimate / Compile.TotalMilliseconds;

    public KeyValuePair<string, TimeSpan> OurSlowest => OurCallbacks.OrderByDescending(entry => entry.Value).First();

    public TimeSpan OurTotal => OurCallbacks.Values.Aggregate(TimeSpan.Zero, (sum, time) => sum + time);

    public TimeSpan LowestPeerMedian => Peers.Min(peer => peer.MedianOwnTime);

    /// <summary>Our overhead shared among the analyzers that ran: each one's full cost, binding included, on average.</summary>
    public double OverheadPerAnalyzer => AnalyzersThatRan == 0 ? 0 : OverheadEstimate / AnalyzersThatRan;

    public double LowestPeerOverheadPerAnalyzer => Peers.Min(peer => peer.OverheadPerAnalyzer);
}

/// <summary>A peer package on the same corpus: its analyzers' median own time, and its overhead over the empty analyzer.</summary>
internal sealed record PeerResult(string Name, TimeSpan MedianOwnTime, Spread Overhead, int AnalyzersThatRan)
{
    public double OverheadPerAnalyzer => AnalyzersThatRan == 0 ? 0 : Overhead.Median / AnalyzersThatRan;
}

/// <summary>The median of some passes' values and its quartiles, in milliseconds or bytes.</summary>
internal sealed record Spread(double Median, double Lower, double Upper)
{
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        return new Spread(At(0.5), At(0.25), At(0.75));

        double At(double quantile) => sorted[(int)Math.Round(quantile * (sorted.Count - 1))];
    }
}

internal static class CorpusMeasurement
{
    private const int CallbackPasses = 3;

    // A peer's overhead is large beside the noise, and its median own time is over some two hundred analyzers.
    private const int PeerPasses = 3;
    private const int PeerCallbackPasses = 1;

    public static async Task<CorpusResult> RunAsync(
        string name,
        IReadOnlyList<(string Path, string Text)> files,
        ImmutableArray<MetadataReference> references,
        ImmutableArray<DiagnosticAnalyzer> ours,
        ImmutableArray<PeerPackage> peers,
        int passes)
    {
        Console.WriteLine($"{DateTime.Now:HH:mm:ss} {name}, {files.Count} files");
        CSharpCompilation Compile() => CSharpCompilation.Create(
            "Corpus",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Text, new CSharpParseOptions(LanguageVersion.Latest), file.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

        // Warm every code path once, so that no pass measures the JIT.
        Compile().Emit(Stream.Null);
        await AnalyzerRun.RunAsync(Compile(), empty);
        await AnalyzerRun.RunAsync(Compile(), ours);

        // A build parses, binds and emits: that is the compile time our overhead is a share of.
        var compile = TimeSpan.MaxValue;
        for (var pass = 0; pass < passes; pass++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            Compile().Emit(Stream.Null);
            compile = clock.Elapsed < compile ? clock.Elapsed : compile;
        }

        var (overhead, allocated, telemetry, withOurs) = await OverheadAsync(Compile, ours, empty, passes);
        var ourCallbacks = await CallbackTimesAsync(Compile, ours, CallbackPasses);
        var peerResults = ImmutableArray.CreateBuilder<PeerResult>();
        foreach (var peer in peers)
        {
            var (peerOverhead, _, _, peerRun) = await OverheadAsync(Compile, peer.Analyzers, empty, PeerPasses);
            var ran = (await CallbackTimesAsync(Compile, peer.Analyzers, PeerCallbackPasses)).Values.Where(time => time > TimeSpan.Zero).OrderBy(time => time).ToList();
            var median = ran.Count == 0 ? TimeSpan.Zero : ran[ran.Count / 2];
            peerResults.Add(new PeerResult(peer.Name, median, peerOverhead, peerRun.AnalyzersThatRan));
        }

        return new CorpusResult(
            name,
            files.Count,
            compile,
            overhead,
            telemetry,
            allocated,
            withOurs.Diagnostics,
            withOurs.RegisteredActions,
            withOurs.AnalyzersThatRan,
            ourCallbacks,
            peerResults.ToImmutable());
    }

    /// <summary>
    /// What a set of analyzers adds to the driver's wall time and allocations over an empty analyzer, in pairs whose
    /// order alternates so that drift in the machine falls on both sides; the median pair is robust to a stray GC.
    /// </summary>
    private static async Task<(Spread Overhead, Spread Allocated, Spread Telemetry, AnalyzerRun Last)> OverheadAsync(
        Func<Compilation> compile, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<DiagnosticAnalyzer> empty, int pairs)
    {
        var overheads = new List<double>();
        var allocations = new List<double>();
        var telemetry = new List<double>();
        AnalyzerRun? measured = null;
        for (var pair = 0; pair < pairs; pair++)
        {
            AnalyzerRun baseline;
            if (pair % 2 == 0)
            {
                baseline = await AnalyzerRun.RunAsync(compile(), empty);
                measured = await AnalyzerRun.RunAsync(compile(), analyzers);
            }
            else
            {
                measured = await AnalyzerRun.RunAsync(compile(), analyzers);
                baseline = await AnalyzerRun.RunAsync(compile(), empty);
            }

            overheads.Add((measured.Wall - baseline.Wall).TotalMilliseconds);
            allocations.Add(measured.Allocated - baseline.Allocated);
            telemetry.Add(measured.PerAnalyzer.Values.Sum(time => time.TotalMilliseconds));
        }

        return (Spread.Of(overheads), Spread.Of(allocations), Spread.Of(telemetry), measured!);
    }

    /// <summary>
    /// Each analyzer's own time, the least of some passes, beside <see cref="BindEverythingFirstAnalyzer"/>, which
    /// has the driver bind every code block first.
    /// </summary>
    private static async Task<ImmutableDictionary<string, TimeSpan>> CallbackTimesAsync(Func<Compilation> compile, ImmutableArray<DiagnosticAnalyzer> analyzers, int passes)
    {
        var set = analyzers.Insert(0, new BindEverythingFirstAnalyzer());
        var least = new Dictionary<string, TimeSpan>();
        for (var pass = 0; pass < passes; pass++)
        {
            var run = await AnalyzerRun.RunAsync(compile(), set);
            foreach (var analyzer in analyzers)
            {
                var name = analyzer.GetType().FullName!;
                var time = run.PerAnalyzer[analyzer];
                least[name] = least.TryGetValue(name, out var best) && best < time ? best : time;
            }
        }

        return least.ToImmutableDictionary();
    }
}
