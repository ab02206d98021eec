using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>Each rule is complete: a doc page, release tracking, a README row, and fixes that are exported and used.</summary>
public sealed class RuleCatalogueTests
{
    [Theory]
    [MemberData(nameof(PackageContents.DescriptorIds), MemberType = typeof(PackageContents))]
    public void HelpLinkOpensADocPageTitledLikeTheRule(string id)
    {
        var descriptor = PackageContents.Descriptor(id);
        Assert.Equal($"https://github.com/WsLimits/WsLimits.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);

        var page = RepositoryFiles.Path("docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
    }

    [Theory]
    [MemberData(nameof(PackageContents.DescriptorIds), MemberType = typeof(PackageContents))]
    public void RuleIsInReleaseTracking(string id)
    {
        var tracking = RepositoryFiles.Read("src", "Analyzers", "AnalyzerReleases.Shipped.md")
            + RepositoryFiles.Read("src", "Analyzers", "AnalyzerReleases.Unshipped.md");
        Assert.Matches(new Regex($@"^{id}\s*\|", RegexOptions.Multiline), tracking);
    }

    [Theory]
    [MemberData(nameof(PackageContents.DescriptorIds), MemberType = typeof(PackageContents))]
    public void RuleHasARowInTheReadmeTable(string id)
    {
        var descriptor = PackageContents.Descriptor(id);
        var row = $"| [{id}](docs/rules/{id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |";
        Assert.Contains(row, RepositoryFiles.Read("README.md"));
    }

    [Theory]
    [MemberData(nameof(PackageContents.DescriptorIds), MemberType = typeof(PackageContents))]
    public void RuleHasACodeFixOrSaysWhyNot(string id)
    {
        var hasFix = PackageContents.CodeFixes.Any(fix => fix.FixableDiagnosticIds.Contains(id));
        var page = RepositoryFiles.Read("docs", "rules", id + ".md");
        Assert.Contains("## Code fix", page);
        if (!hasFix)
        {
            Assert.Contains("No code fix", page);
        }
    }

    [Fact]
    public void EveryCodeFixIsExportedForCSharpAndShared()
    {
        Assert.NotEmpty(PackageContents.CodeFixes);
        foreach (var fix in PackageContents.CodeFixes)
        {
            var export = fix.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.Equal(fix.GetType().Name, export.Name);
            Assert.NotNull(fix.GetType().GetCustomAttribute<SharedAttribute>());
        }
    }

    [Fact]
    public void EveryFixableIdIsReportedBySomeAnalyzer()
    {
        var reported = PackageContents.Descriptors.Select(descriptor => descriptor.Id).ToHashSet();
        foreach (var id in PackageContents.CodeFixes.SelectMany(fix => fix.FixableDiagnosticIds))
        {
            Assert.Contains(id, reported);
        }
    }

    [Fact]
    public void RuleIdsFollowTheDocumentedRanges()
    {
        var ranges = RepositoryFiles.Read("docs", "rule-ids.md");
        foreach (var descriptor in PackageContents.Descriptors)
        {
            Assert.Matches("^WSL[1239][0-9]{3}$", descriptor.Id);
            var expectedCategory = descriptor.Id[3] switch
            {
                '1' => "WsLimits.Send",
                '2' => "WsLimits.Receive",
                '3' => "WsLimits.Limits",
                _ => "WsLimits.Configuration",
            };
            Assert.Equal(expectedCategory, descriptor.Category);
            Assert.Contains($"`{descriptor.Id[..4]}xxx`", ranges);
        }
    }
}
