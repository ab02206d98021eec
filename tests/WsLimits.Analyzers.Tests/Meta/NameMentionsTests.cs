using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsLimits.Analyzers.Infrastructure;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>The shared text search: answers kept per file, and passed on to the next compilation only for files it keeps.</summary>
public sealed class NameMentionsTests
{
    private static readonly ImmutableArray<string> Sends = ImmutableArray.Create("SendAsync");

    private static CSharpCompilation Project(params string[] sources) =>
        CSharpCompilation.Create("Project", sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"File{i}.cs")));

    [Fact]
    public void FindsTheFilesThatNameAnApi()
    {
        var project = Project("class Feed { void Send(System.Net.WebSockets.WebSocket s) => s.SendAsync(default, default, true, default); }", "class Clock { }");

        Assert.Equal(new[] { "File0.cs" }, NameMentions.Of(project).TreesNaming("SendAsync").Select(tree => tree.FilePath));
    }

    [Fact]
    public void SearchesAnEditedFileAgainAndKeepsTheAnswersForTheOthers()
    {
        var project = Project("class Feed { }", "class Clock { }");
        var before = project.SyntaxTrees[0];
        Assert.False(NameMentions.Of(project).Any(before, Sends, CancellationToken.None));

        var edited = before.WithChangedText(before.GetText().Replace(0, 0, "// calls SendAsync\n"));
        var next = project.ReplaceSyntaxTree(before, edited);

        var mentions = NameMentions.Of(next);
        Assert.True(mentions.Any(edited, Sends, CancellationToken.None));
        Assert.False(mentions.Any(next.SyntaxTrees[1], Sends, CancellationToken.None));
        Assert.False(NameMentions.Of(project).Any(before, Sends, CancellationToken.None));
    }
}
