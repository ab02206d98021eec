using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// The repository stands alone: what a user reads after cloning it (the sources, the docs, the README and the
/// contributing guide) points to no file beside the repository, such as a facts sheet in a <c>../shared</c> folder.
/// Facts the rules rest on belong in docs/peer-facts.md.
/// </summary>
public sealed class StandAloneRepositoryTests
{
    private static readonly string[] OutsidePaths = { "../shared", "..\\shared" };

    [Fact]
    public void NoPublishedFilePointsOutsideTheRepository()
    {
        var offending = PublishedFiles()
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(hit => OutsidePaths.Any(outside => hit.line.IndexOf(outside, StringComparison.OrdinalIgnoreCase) >= 0))
            .Select(hit => $"{Path.GetRelativePath(RepositoryFiles.Path(), hit.path)}:{hit.number}: {hit.line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "Point to docs/peer-facts.md instead:" + Environment.NewLine + string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void TheCheckSeesTheFilesItGuards()
    {
        var files = PublishedFiles().Select(path => Path.GetRelativePath(RepositoryFiles.Path(), path).Replace('\\', '/')).ToList();

        Assert.Contains("README.md", files);
        Assert.Contains("CONTRIBUTING.md", files);
        Assert.Contains("docs/peer-facts.md", files);
        Assert.Contains("src/Analyzers/Peers/PeerProfile.cs", files);
    }

    /// <summary>Every file under src/ and docs/, leaving out build output, with README.md and CONTRIBUTING.md.</summary>
    private static IEnumerable<string> PublishedFiles()
    {
        var folders = new[] { "src", "docs" }.SelectMany(folder =>
            Directory.EnumerateFiles(RepositoryFiles.Path(folder), "*", SearchOption.AllDirectories)
                .Where(path => !IsBuildOutput(RepositoryFiles.Path(folder), path)));
        return folders.Concat(new[] { RepositoryFiles.Path("README.md"), RepositoryFiles.Path("CONTRIBUTING.md") });
    }

    private static bool IsBuildOutput(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj");
}
