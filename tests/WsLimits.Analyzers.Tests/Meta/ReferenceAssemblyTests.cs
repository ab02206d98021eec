using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>
/// Every reference-assembly set holds the libraries the test sources use. A set resolved into an empty package
/// folder can miss a package it downloads in that same run (seen with System.IO.Pipelines on net8.0), which is
/// why eng/install-test-prerequisites.sh runs this class once, in a process of its own, before the tests.
/// </summary>
public sealed class ReferenceAssemblyTests
{
    [Theory]
    [InlineData(TargetFrameworks.Net80)]
    [InlineData(TargetFrameworks.Net100)]
    [InlineData(TargetFrameworks.NetStandard20)]
    [InlineData(TargetFrameworks.NetStandard21)]
    public async Task EverySetHasTheLibrariesTheTestSourcesUse(string framework)
    {
        var references = await TargetFrameworks.For(framework).ResolveAsync(LanguageNames.CSharp, default);
        var names = references.Select(reference => System.IO.Path.GetFileNameWithoutExtension(reference.Display)).ToHashSet();

        Assert.Contains("Newtonsoft.Json", names);
        Assert.Contains("System.IO.Pipelines", names);
        Assert.Contains("System.Text.Json", names);
    }
}
