using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Bench;

// Measures the WsLimits analyzers on generated corpora (and optionally a folder of real C#) against compile time and
// against two peer analyzer packages, times Fix All, checks the budgets, and writes the results to bench/results.
//   dotnet run -c Release --project bench/WsLimits.Bench -- [--files 1000,5000,10000] [--passes 7] [--dir path] [--editor-files 5000] [--out bench/results]
var sizes = Argument("--files", "1000,5000,10000").Split(',').Select(int.Parse).ToArray();
var passes = int.Parse(Argument("--passes", "7"));
var directory = Argument("--dir", string.Empty);
var editorFiles = int.Parse(Argument("--editor-files", "5000"));
var output = Argument("--out", Path.Combine("bench", "results"));

var ours = typeof(UnboundedSingleFrameSendAnalyzer).Assembly.GetTypes()
    .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
    .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
    .ToImmutableArray();
var peers = ImmutableArray.Create(PeerPackage.Meziantou(), PeerPackage.NetAnalyzers());

var results = new List<CorpusResult>();
foreach (var size in sizes)
{
    results.Add(await CorpusMeasurement.RunAsync($"generated, 1 in {Corpus.WebSocketShare} files with WebSocket code", Corpus.Files(size, withWebSockets: true).ToList(), References(withWebSockets: true), ours, peers, passes));
}

var withoutWebSockets = await CorpusMeasurement.RunAsync("generated, no WebSocket types referenced", Corpus.Files(sizes[0], withWebSockets: false).ToList(), References(withWebSockets: false), ours, peers, passes);
CorpusResult? real = null;
if (directory.Length > 0)
{
    var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories).Select(path => (path, File.ReadAllText(path))).ToList();
    real = await CorpusMeasurement.RunAsync("directory " + Path.GetFileName(Path.GetFullPath(directory)), files, References(withWebSockets: true), ours, peers, passes);
}

var editor = await EditorMeasurement.RunAsync(Corpus.Files(editorFiles, withWebSockets: true).ToList(), References(withWebSockets: true), ours, peers[0], passes);

Console.WriteLine($"{DateTime.Now:HH:mm:ss} Fix All");
var fixAll = await FixAllTiming.MeasureAsync(1000, References(withWebSockets: true));

var report = BenchReport.Write(ours.Length, peers, passes, results, withoutWebSockets, real, editor, fixAll);
Console.Write(report.Text);
Directory.CreateDirectory(output);
var file = Path.Combine(output, report.FileName);
File.WriteAllText(file, report.Text);
Console.WriteLine($"written to {file}");
return report.BudgetsMet ? 0 : 1;

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
