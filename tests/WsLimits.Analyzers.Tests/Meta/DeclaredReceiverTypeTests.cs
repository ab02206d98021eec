using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsLimits.Analyzers.Flow;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>The receiver types that declarations alone tell, which let the search for a method's callers skip binding.</summary>
public sealed class DeclaredReceiverTypeTests
{
    private const string Declarations = """
        using System.IO;
        using System.Threading.Channels;

        class Base
        {
            private Stream _hidden = Stream.Null;
            protected Channel<int> Shared = Channel.CreateUnbounded<int>();
        }

        class Outer
        {
            private readonly MemoryStream _outerLog = new();

            class Pump(Stream injected) : Base
            {
                private readonly Stream _log = Stream.Null;
                private Pump Next { get; } = null!;

                void Run(StreamWriter output, int count)
                {
                    //CALL
                }

                void Local()
                {
                    var _log = new MemoryStream();
                    _log.Flush();
                }
            }
        }
        """;

    [Theory]
    [InlineData("_log.Flush()", "System.IO.Stream")]
    [InlineData("this._log.Flush()", "System.IO.Stream")]
    [InlineData("output.Flush()", "System.IO.StreamWriter")]
    [InlineData("Next.Next._log.Flush()", "System.IO.Stream")]
    [InlineData("Shared.Writer.TryComplete()", "System.Threading.Channels.ChannelWriter<int>")]
    [InlineData("_outerLog.Flush()", "System.IO.MemoryStream")]
    public void TellsTheTypeOfFieldsParametersAndMemberChains(string call, string type) =>
        Assert.Equal(type, ReceiverOf(call)?.ToDisplayString());

    /// <summary>Names the body may declare, a primary constructor's parameters and a base's private members need binding.</summary>
    [Theory]
    [InlineData("var stream = Stream.Null; stream.Flush();")]
    [InlineData("System.Action<Stream> flush = _log => _log.Flush();")]
    [InlineData("injected.Flush();")]
    [InlineData("_hidden.Flush();")]
    [InlineData("Missing.Flush();")]
    [InlineData("Next.ToString().Trim();")]
    public void LeavesNamesTheDeclarationsDoNotSettle(string statements) => Assert.Null(ReceiverOf(statements));

    [Fact]
    public void ALocalOfTheSameNameHidesTheField()
    {
        var (compilation, tree) = Compile("");
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Single(node => node.ToString() == "_log.Flush()");
        Assert.Null(DeclaredReceiverType.Of(call, compilation.GetSemanticModel(tree)));
    }

    [Fact]
    public void AReceiverOfAnUnrelatedTypeCannotCallTheMethod()
    {
        var (compilation, _) = Compile("");
        var write = compilation.GetTypeByMetadataName("System.IO.Stream")!.GetMembers("Flush").OfType<IMethodSymbol>().First();
        var memoryStream = compilation.GetTypeByMetadataName("System.IO.MemoryStream")!;
        var writer = compilation.GetTypeByMetadataName("System.IO.StreamWriter")!;

        Assert.True(DeclaredReceiverType.CanCall(memoryStream, write));
        Assert.False(DeclaredReceiverType.CanCall(writer, write));
    }

    /// <summary>Which named calls the rules pass over unbound: those that can only reach a library no rule reads.</summary>
    [Theory]
    [InlineData("System.Net.Http.HttpClient", "SendAsync", "", true)]
    [InlineData("System.Threading.Channels.ChannelWriter`1", "WriteAsync", "", true)]
    [InlineData("System.IO.MemoryStream", "WriteAsync", "", false)]
    [InlineData("System.Net.WebSockets.ClientWebSocket", "SendAsync", "", false)]
    [InlineData("System.Net.Http.HttpClient", "SendAsync", "static class Frames { public static void SendAsync(this System.Net.Http.HttpClient client, string text) { } }", false)]
    [InlineData("Outer", "ToString", "", false)]
    public void PassesOverCallsThatCanOnlyReachAnotherLibrary(string type, string name, string extension, bool passedOver)
    {
        var (compilation, _) = Compile("");
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(extension));
        Assert.Equal(passedOver, DeclaredReceiverType.ReachesOnlyOtherLibraries(compilation.GetTypeByMetadataName(type)!, name, compilation));
    }

    private static ITypeSymbol? ReceiverOf(string statements)
    {
        var (compilation, tree) = Compile(statements.EndsWith(";") ? statements : statements + ";");
        var run = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(method => method.Identifier.ValueText == "Run");
        var call = run.DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        return DeclaredReceiverType.Of(call, compilation.GetSemanticModel(tree));
    }

    private static (CSharpCompilation Compilation, SyntaxTree Tree) Compile(string statements)
    {
        var tree = CSharpSyntaxTree.ParseText(Declarations.Replace("//CALL", statements), new CSharpParseOptions(LanguageVersion.Latest));
        var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(System.IO.Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path));
        return (CSharpCompilation.Create("Receivers", new[] { tree }, references), tree);
    }
}
