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
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Bench;

// Measures the WsLimits analyzers on generated corpora (and optionally a folder of real C#) against compile time
// and against a peer analyzer package, and writes the results to bench/results.
//   dotnet run -c Release --project bench/WsLimits.Bench -- [--files 1000,5000,10000] [--dir path] [--out bench/results]
const int Passes = 5;
var sizes = Argument("--files", "1000,5000,10000").Split(',').Select(int.Parse).ToArray();
var directory = Argument("--dir", string.Empty);
var output = Argument("--out", Path.Combine("bench", "results"));

var ours = typeof(UnboundedSingleFrameSendAnalyzer).Assembly.GetTypes()
    .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
    .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
    .ToImmutableArray();
var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
var meziantou = PeerAnalyzers.Meziantou();

var report = new StringBuilder();
report.AppendLine(CultureInfo.InvariantCulture, $"# WsLimits.Analyzers benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"- commit {Git("rev-parse --short HEAD")}, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores ({Cpu()})");
report.AppendLine(CultureInfo.InvariantCulture, $"- {ours.Length} WsLimits analyzers; peer: Meziantou.Analyzer 3.0.321 ({meziantou.Length} analyzers, median per-analyzer time of those that ran)");
report.AppendLine($"- best of {Passes} passes, each on a fresh compilation, analyzers without concurrency; compile = binding every tree (GetDiagnostics)");
report.AppendLine("- WsLimits overhead = wall time of our analyzers minus that of one empty analyzer that follows the compilation to its end:");
report.AppendLine("  the difference is all our analyzers add to a build: their callbacks, and the binding of the methods that name a WebSocket API");
report.AppendLine("- per-analyzer times (Roslyn telemetry) also carry the binding of whatever method an analyzer is first to ask about, so they are upper bounds");
report.AppendLine();
report.AppendLine("| corpus | files | compile | WsLimits overhead | % of compile | WsLimits slowest | Meziantou median | slowest / median | diagnostics |");
report.AppendLine("|---|---|---|---|---|---|---|---|---|");

var perAnalyzer = new StringBuilder();
perAnalyzer.AppendLine();
perAnalyzer.AppendLine("Each WsLimits analyzer's own time:");
perAnalyzer.AppendLine();
perAnalyzer.AppendLine("| corpus | files | " + string.Join(" | ", ours.Select(analyzer => analyzer.GetType().FullName!).OrderBy(name => name, StringComparer.Ordinal).Select(name => name[(name.LastIndexOf('.') + 1)..])) + " |");
perAnalyzer.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", ours.Length)));

foreach (var size in sizes)
{
    await Measure($"generated, 1 in {Corpus.WebSocketShare} files with WebSocket code", Corpus.Files(size, withWebSockets: true).ToList(), References(withWebSockets: true));
}

await Measure("generated, no WebSocket types referenced", Corpus.Files(sizes[0], withWebSockets: false).ToList(), References(withWebSockets: false));
if (directory.Length > 0)
{
    var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).Select(path => (path, File.ReadAllText(path))).ToList();
    await Measure("directory " + Path.GetFileName(Path.GetFullPath(directory)), files, References(withWebSockets: true));
}

report.Append(perAnalyzer);
Console.Write(report);
Directory.CreateDirectory(output);
var file = Path.Combine(output, $"{DateTime.UtcNow:yyyy-MM-dd}-{Git("rev-parse --short HEAD")}.md");
File.WriteAllText(file, report.ToString());
Console.WriteLine($"written to {file}");

async System.Threading.Tasks.Task Measure(string name, List<(string Path, string Text)> files, ImmutableArray<MetadataReference> references)
{
    CSharpCompilation Compile() => CSharpCompilation.Create(
        "Corpus",
        files.Select(file => CSharpSyntaxTree.ParseText(file.Text, new CSharpParseOptions(LanguageVersion.Latest), file.Path)),
        references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    // Warm up the compiler and the analyzers once, then keep the best of several passes on fresh compilations.
    Compile().GetDiagnostics();
    await AnalyzerRun.RunAsync(Compile(), ours);
    var compile = TimeSpan.MaxValue;
    AnalyzerRun? wsLimits = null;
    AnalyzerRun? floor = null;
    AnalyzerRun? peer = null;
    for (var pass = 0; pass < Passes; pass++)
    {
        var clock = Stopwatch.StartNew();
        Compile().GetDiagnostics();
        compile = Min(compile, clock.Elapsed);
        wsLimits = Best(wsLimits, await AnalyzerRun.RunAsync(Compile(), ours));
        floor = Best(floor, await AnalyzerRun.RunAsync(Compile(), baseline));
        peer = Best(peer, await AnalyzerRun.RunAsync(Compile(), meziantou));
    }

    var overhead = Max(TimeSpan.Zero, wsLimits!.Wall - floor!.Wall);
    var ran = peer!.PerAnalyzer.Values.Where(time => time > TimeSpan.Zero).OrderBy(time => time).ToList();
    var median = ran.Count == 0 ? TimeSpan.Zero : ran[ran.Count / 2];
    var slowest = wsLimits.PerAnalyzer.Values.Max();
    report.AppendLine(CultureInfo.InvariantCulture,
        $"| {name} | {files.Count} | {Ms(compile)} | {Ms(overhead)} | {100 * overhead.TotalMilliseconds / compile.TotalMilliseconds:0.00}% | {Ms(slowest)} | {Ms(median)} | {(median > TimeSpan.Zero ? slowest / median : 0):0.00} | {wsLimits.Diagnostics} |");
    perAnalyzer.Append(CultureInfo.InvariantCulture, $"| {name} | {files.Count} | ").Append(string.Join(" | ", wsLimits.PerAnalyzer.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => Ms(entry.Value)))).AppendLine(" |");
    if (wsLimits.RegisteredActions == 0)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"| ↳ {name}: no WsLimits analyzer registered any action | | | | | | | | |");
    }
}

static AnalyzerRun Best(AnalyzerRun? best, AnalyzerRun run) => best is null || run.Wall < best.Wall ? run : best;

static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

static ImmutableArray<MetadataReference> References(bool withWebSockets) => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
    .Split(Path.PathSeparator)
    .Where(path => withWebSockets || !Path.GetFileName(path).StartsWith("System.Net.WebSockets", StringComparison.Ordinal))
    .Where(path => !Path.GetFileName(path).StartsWith("WsLimits", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
    .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
    .ToImmutableArray();

string Argument(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static string Git(string arguments)
{
    try
    {
        using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return text.Length > 0 ? text : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown";
    }
}

static string Cpu() => File.Exists("/proc/cpuinfo")
    ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
    : "unknown CPU";
