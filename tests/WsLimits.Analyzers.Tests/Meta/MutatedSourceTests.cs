using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.CodeFixes.MessageSplit;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// The analyzers and fixes meet half-typed code all day in the IDE. Every sample and inserted helper, cut short at
/// statement boundaries and with tokens deleted, is analyzed, and every fix offered on it is applied: nothing throws.
/// The same sources analyzed again and again, concurrently, give the same diagnostics each time.
/// </summary>
public sealed class MutatedSourceTests
{
    /// <summary>Cuts and deletions per source, spread evenly over it: enough to reach unusual paths in seconds.</summary>
    private const int VariantsPerKind = 24;

    public static IEnumerable<object[]> Sources => SourceTexts().Select(source => new object[] { source.Name });

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task NoAnalyzerOrFixThrowsOnTruncatedOrMutilatedCode(string name)
    {
        var text = SourceTexts().Single(source => source.Name == name).Text;
        foreach (var variant in Truncations(text).Concat(TokenDeletions(text)))
        {
            using var workspace = new AdhocWorkspace();
            var document = AddDocument(workspace, variant);
            var result = await AnalyzerHost.RunAsync((await document.Project.GetCompilationAsync())!);
            Assert.True(result.Exceptions.IsEmpty, $"{name}, variant:\n{variant}\n{string.Join("\n", result.Exceptions)}");
            await ApplyEveryFixAsync(document, result.Diagnostics);
        }
    }

    [Fact]
    public async Task ConcurrentRunsGiveTheSameDiagnosticsEveryTime()
    {
        var compilation = Compile(SourceTexts().Select(source => source.Text).ToArray());
        var runs = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => AnalyzerHost.RunAsync(compilation))));
        var first = Describe(runs[0]);
        Assert.NotEmpty(first);
        Assert.All(runs, run => Assert.Equal(first, Describe(run)));
    }

    private static IEnumerable<(string Name, string Text)> SourceTexts()
    {
        foreach (var project in SampleProject.LoadAll())
        {
            foreach (var tree in project.Trees.Where(tree => tree.FilePath.Length > 0))
            {
                yield return (tree.FilePath, tree.GetText().ToString());
            }
        }

        yield return ("chunked sender", ChunkedSenderTemplate.Render(ChunkedSenderVariant.MessageFlags, 65536));
        yield return ("message splitter", SplitMessageTemplate.Render(ChunkedSenderVariant.Memory, 65536));
    }

    /// <summary>The source cut off after a statement or block end.</summary>
    private static IEnumerable<string> Truncations(string text)
    {
        var ends = text.Select((character, index) => (character, index)).Where(pair => pair.character is ';' or '}').Select(pair => pair.index).ToList();
        return Spread(ends.Count).Select(i => text[..(ends[i] + 1)]);
    }

    /// <summary>The source without one of its tokens.</summary>
    private static IEnumerable<string> TokenDeletions(string text)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        return Spread(tokens.Count).Select(i => text[..tokens[i].SpanStart] + text[tokens[i].Span.End..]);
    }

    private static IEnumerable<int> Spread(int count) =>
        Enumerable.Range(0, Math.Min(count, VariantsPerKind)).Select(i => (int)((long)i * count / Math.Min(count, VariantsPerKind))).Distinct();

    private static Compilation Compile(params string[] sources) => AnalyzerHost.CompileWithWebSockets(sources)
        .AddReferences(TargetFrameworks.AdditionalReferences(TargetFrameworks.Net100AspNetCore));

    private static Document AddDocument(AdhocWorkspace workspace, string source)
    {
        var compilation = Compile();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Subject",
            "Subject",
            LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: compilation.References));
        return workspace.AddDocument(project.Id, "Subject.cs", SourceText.From(source));
    }

    /// <summary>Registers and applies every fix offered for the diagnostics, the way the light bulb previews them.</summary>
    private static async Task ApplyEveryFixAsync(Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Location.IsInSource))
        {
            foreach (var fixer in PackageContents.CodeFixes.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                foreach (var action in actions)
                {
                    await action.GetOperationsAsync(CancellationToken.None);
                }
            }
        }
    }

    private static List<string> Describe(AnalyzerHost.Result result) => result.Diagnostics
        .Select(diagnostic => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()} {diagnostic.GetMessage()}")
        .OrderBy(text => text, StringComparer.Ordinal)
        .ToList();
}
