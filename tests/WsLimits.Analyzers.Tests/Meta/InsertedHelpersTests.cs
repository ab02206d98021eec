using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using WsLimits.Analyzers.CodeFixes.CloseDescription;
using WsLimits.Analyzers.CodeFixes.MessageReceive;
using WsLimits.Analyzers.CodeFixes.MessageSplit;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>The code the fixes insert compiles cleanly and gives none of the package's rules anything to report.</summary>
public sealed class InsertedHelpersTests
{
    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    public Task ChunkedSenderIsCleanUnderEveryRule(string variant) =>
        AssertCleanAsync(ChunkedSenderTemplate.Render(System.Enum.Parse<ChunkedSenderVariant>(variant), 65536));

    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    public Task SplitMessageHelpersAreCleanUnderEveryRule(string variant) =>
        AssertCleanAsync(SplitMessageTemplate.Render(System.Enum.Parse<ChunkedSenderVariant>(variant), 65536));

    [Theory]
    [InlineData(nameof(ChunkedSenderVariant.MessageFlags))]
    [InlineData(nameof(ChunkedSenderVariant.Memory))]
    [InlineData(nameof(ChunkedSenderVariant.ArraySegment))]
    public void SendHelpersCompileAsCSharp73ForOlderProjects(string variant)
    {
        var kind = System.Enum.Parse<ChunkedSenderVariant>(variant);
        foreach (var helper in new[] { ChunkedSenderTemplate.Render(kind, 65536), SplitMessageTemplate.Render(kind, 65536) })
        {
            var compilation = AnalyzerHost.CompileWithWebSockets(helper);
            var csharp73 = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText(helper, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
            Assert.Empty(csharp73.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
        }
    }

    [Fact]
    public Task CloseDescriptionIsCleanUnderEveryRule() => AssertCleanAsync(CloseDescriptionTemplate.Source(nullableAnnotations: true));

    [Fact]
    public void CloseDescriptionWithoutAnnotationsCompilesAsCSharp73ForOlderProjects()
    {
        var helper = CloseDescriptionTemplate.Source(nullableAnnotations: false);
        var compilation = AnalyzerHost.CompileWithWebSockets(helper);
        var csharp73 = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(), CSharpSyntaxTree.ParseText(helper, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
        Assert.Empty(csharp73.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public Task MessageReceiverIsCleanUnderEveryRule()
    {
        var probe = AnalyzerHost.CompileWithWebSockets();
        return AssertCleanAsync(MessageReceiverTemplate.Render(probe, probe.GetTypeByMetadataName("System.Net.WebSockets.WebSocket")!));
    }

    [Fact]
    public Task MessageReceiverForOldFrameworksIsCleanUnderEveryRule()
    {
        // Rendered against a WebSocket without the Memory overload, as in .NET Standard 2.0, then compiled on today's runtime,
        // as a project that targets both would be.
        var old = AnalyzerHost.CompileWithoutWebSockets("""
            namespace System.Net.WebSockets { public abstract class WebSocket { } }
            """);
        return AssertCleanAsync(MessageReceiverTemplate.Render(old, old.GetTypeByMetadataName("System.Net.WebSockets.WebSocket")!));
    }

    private static async Task AssertCleanAsync(string helper)
    {
        var compilation = AnalyzerHost.CompileWithWebSockets(helper);

        // Users build with nullable warnings as errors too: the helper must be clean with nullable on.
        var nullable = compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Enable));
        Assert.Empty(nullable.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning));

        var result = await AnalyzerHost.RunAsync(compilation);
        Assert.Empty(result.Exceptions);
        Assert.Empty(result.Diagnostics);
    }
}
