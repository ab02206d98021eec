using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers.CodeFixes;
using Xunit;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>
/// The fixes that insert a helper know where they are: in files that alias WebSocket, declare their own WebSocket,
/// import WebSocketMessageType statically, use file-scoped namespaces or #if per target framework, the fixed project
/// still builds, for every framework it targets.
/// </summary>
public sealed class HelperPlacementTests
{
    private const string Sender = """
        using System;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using static System.Net.WebSockets.WebSocketMessageType;
        using WebSocket = Library.WebSockets.WebSocket;

        namespace Library.Transport;

        public sealed class Sender
        {
            private readonly ClientWebSocket _client = new();

            public WebSocket Owner { get; } = new();

            public Task SendAsync(string text, CancellationToken ct) =>
                _client.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), Text, true, ct);
        }
        """;

    /// <summary>The sender without the alias, and so without a property of the project's WebSocket.</summary>
    private static readonly string Plain = Sender
        .Replace("using WebSocket = Library.WebSockets.WebSocket;\n", string.Empty)
        .Replace("    public WebSocket Owner { get; } = new();\n\n", string.Empty);

    /// <summary>The project's own WebSocket, in a namespace the other files import.</summary>
    private const string LibraryWebSocket = """
        namespace Library.WebSockets
        {
            public sealed class WebSocket
            {
                public string Url { get; set; } = "";
            }
        }
        """;

    private const string User = """
        using Library.WebSockets;

        namespace Library.Client
        {
            public sealed class Session
            {
                public WebSocket Socket { get; } = new WebSocket();
            }
        }
        """;

    [Fact]
    public async Task KeepsTheSystemWebSocketInAFileThatAliasesWebSocketToTheProjectsType()
    {
        var fixedProject = await FixAsync(Modern, ("Sender.cs", Sender), ("WebSocket.cs", LibraryWebSocket), ("User.cs", User));

        Assert.Empty(await ErrorsAsync(fixedProject));
        var sender = await TextAsync(fixedProject, "Sender.cs");
        Assert.Contains("_client.SendChunkedAsync(", sender);
        Assert.Contains("this System.Net.WebSockets.WebSocket socket", sender);
        Assert.Contains("using WebSocket = Library.WebSockets.WebSocket;", sender);
    }

    [Fact]
    public async Task KeepsTheSystemWebSocketInANamespaceThatDeclaresItsOwnWebSocket()
    {
        var sender = Plain.Replace("namespace Library.Transport;", "namespace Library.WebSockets;");
        var fixedProject = await FixAsync(Modern, ("Sender.cs", sender), ("WebSocket.cs", LibraryWebSocket), ("User.cs", User));

        Assert.Empty(await ErrorsAsync(fixedProject));
        Assert.Contains("this System.Net.WebSockets.WebSocket socket", await TextAsync(fixedProject, "Sender.cs"));
    }

    [Fact]
    public async Task PutsTheHelperAfterTheEndifThatClosesTheFile()
    {
        var sender = Plain
            + "\n#if NETSTANDARD2_0\ninternal static class Polyfills { }\n#endif\n";
        var fixedProject = await FixAsync(Modern, ("Sender.cs", sender), ("WebSocket.cs", LibraryWebSocket));

        Assert.Empty(await ErrorsAsync(fixedProject));
        var text = await TextAsync(fixedProject, "Sender.cs");
        Assert.True(text.IndexOf("#endif", StringComparison.Ordinal) < text.IndexOf("class WebSocketChunkedSender", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task AddsItsUsingsOutsideTheUsingsOfOneFramework()
    {
        var sender = Plain
            .Replace("using System.Text;\n", "#if !NETSTANDARD2_0\nusing System.Buffers;\nusing System.Text;\n#endif\n");
        var fixedProject = await FixAsync(Modern, ("Sender.cs", sender), ("WebSocket.cs", LibraryWebSocket));

        Assert.Empty(await ErrorsAsync(fixedProject));
        var text = await TextAsync(fixedProject, "Sender.cs");
        Assert.True(text.IndexOf("#endif", StringComparison.Ordinal) < text.IndexOf("using System.Runtime.CompilerServices;", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task ImportsTheHelpersNamespaceBeforeTheUsingsOfOneFrameworkThatEndTheList()
    {
        var relay = Plain
            .Replace("namespace Library.Transport;", "namespace Library.Relaying;")
            .Replace("class Sender", "class Relay")
            .Replace("using static System.Net.WebSockets.WebSocketMessageType;\n", "using static System.Net.WebSockets.WebSocketMessageType;\n#if !NETSTANDARD2_0\nusing System.Buffers;\n#endif\n");
        var (solution, id) = AddProject(new AdhocWorkspace().CurrentSolution, Modern, new[] { ("Sender.cs", Plain), ("Relay.cs", relay), ("WebSocket.cs", LibraryWebSocket) });

        var fixedProject = (await FixAllAsync(solution)).GetProject(id)!;

        Assert.Empty(await ErrorsAsync(fixedProject));
        var text = await TextAsync(fixedProject, "Relay.cs");
        Assert.True(text.IndexOf("using Library.Transport;", StringComparison.Ordinal) is >= 0 and var import && import < text.IndexOf("#if !NETSTANDARD2_0", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task AddsNoUsingThatAGlobalUsingAlreadyGives()
    {
        // What ImplicitUsings generates, in part: repeating these in a file is what IDE0005 reports.
        const string implicitUsings = "global using global::System;\nglobal using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";
        var sender = Plain.Replace("using System;\n", string.Empty).Replace("using System.Threading;\n", string.Empty).Replace("using System.Threading.Tasks;\n", string.Empty);
        var fixedProject = await FixAsync(Modern, ("Sender.cs", sender), ("GlobalUsings.g.cs", implicitUsings));

        Assert.Empty(await ErrorsAsync(fixedProject));
        var text = await TextAsync(fixedProject, "Sender.cs");
        Assert.Contains("using System.Runtime.CompilerServices;", text);
        Assert.DoesNotContain("using System;", text);
        Assert.DoesNotContain("using System.Threading", text);
    }

    /// <summary>A second sending file, in a namespace under the helper's host, importing what it uses at the top.</summary>
    private const string Relay = """
        using System;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        namespace $Host$.Relaying
        {
            public static class Relay
            {
                public static Task ForwardAsync(ClientWebSocket socket, string text, CancellationToken ct) =>
                    socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct);
            }
        }
        """;

    [Theory]
    [InlineData("namespace Library.System.Net { public static class Dns { } }", "Library")]
    [InlineData("namespace Library.System { public static class Threading { } }", "Library")]
    [InlineData("namespace Library.Net.WebSockets { public sealed class WebSocketMessageType { } }", "Library.Net")]
    [InlineData("namespace Library.WebSockets.System { public sealed class Net { } }", "Library.WebSockets")]
    public async Task CompilesBesideProjectNamespacesThatShadowSystemNames(string shadow, string host)
    {
        // The shapes issue 14 suspected of the CS0234 that turned out to come from a namespace under #if.
        var files = new[]
        {
            ("Sender.cs", Sender.Replace("namespace Library.Transport;", $"namespace {host};")),
            ("Relay.cs", Relay.Replace("$Host$", host)),
            ("Shadow.cs", shadow),
            ("WebSocket.cs", LibraryWebSocket),
        };
        var (solution, id) = AddProject(new AdhocWorkspace().CurrentSolution, Modern, files);
        Assert.Empty(await ErrorsAsync(solution.GetProject(id)!));

        var fixedProject = (await FixAllAsync(solution)).GetProject(id)!;

        Assert.Empty(await ErrorsAsync(fixedProject));
        Assert.Contains("socket.SendChunkedAsync(", await TextAsync(fixedProject, "Relay.cs"));
    }

    [Fact]
    public async Task WritesTheHelperForTheOldestFrameworkTheProjectTargets()
    {
        var files = new[] { ("Sender.cs", Plain), ("WebSocket.cs", LibraryWebSocket) };
        var solution = new AdhocWorkspace().CurrentSolution;
        (solution, var modern) = AddProject(solution, Modern, files);
        (solution, var old) = AddProject(solution, await OldAsync(), files);

        var fixedSolution = await FixAsync(solution, modern);

        var sender = await TextAsync(fixedSolution.GetProject(modern)!, "Sender.cs");
        Assert.DoesNotContain("WebSocketMessageFlags", sender);
        Assert.DoesNotContain("ReadOnlyMemory", sender);
        var oldProject = fixedSolution.GetProject(old)!;
        var oldSender = oldProject.Documents.Single(document => document.Name == "Sender.cs");
        Assert.Empty(await ErrorsAsync(oldProject.Solution.WithDocumentText(oldSender.Id, Microsoft.CodeAnalysis.Text.SourceText.From(sender)).GetProject(old)!));
        Assert.Empty(await ErrorsAsync(fixedSolution.GetProject(modern)!));
    }

    /// <summary>A file for .NET 8 only, its namespace included, that sends as well.</summary>
    private const string Net8Archive = """
        #if NET8_0_OR_GREATER
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Library.Archive;

        public static class Uploader
        {
            public static async Task UploadAsync(System.Net.WebSockets.WebSocket socket, string path, CancellationToken ct)
            {
                var bytes = await File.ReadAllBytesAsync(path, ct);
                await socket.SendAsync(new ArraySegment<byte>(bytes), System.Net.WebSockets.WebSocketMessageType.Binary, true, ct);
            }
        }
        #endif
        """;

    [Fact]
    public async Task GivesEveryFrameworkTheSameHelperInAFileEachCompilesWhenAnotherFileIsForNet8Only()
    {
        // Archive.cs comes first: as the helper's host, .NET Standard would lose the helper and its namespace, and the
        // using of Library.Archive added to Sender.cs would not compile there (CS0234).
        var files = new[] { ("Archive.cs", Net8Archive), ("Sender.cs", Sender), ("WebSocket.cs", LibraryWebSocket) };
        var solution = new AdhocWorkspace().CurrentSolution;
        (solution, var modern) = AddProject(solution, Modern, files, "NET8_0_OR_GREATER");
        (solution, var old) = AddProject(solution, await OldAsync(), files, "NETSTANDARD2_0");

        var fixedSolution = await FixAllAsync(solution);

        // Both copies change the files both compile alike; Archive.cs, which .NET Standard sees as disabled text, only
        // in the .NET 8 copy, which is what dotnet format makes of the two.
        var sender = await TextAsync(fixedSolution.GetProject(modern)!, "Sender.cs");
        var archive = await TextAsync(fixedSolution.GetProject(modern)!, "Archive.cs");
        Assert.Equal(sender, await TextAsync(fixedSolution.GetProject(old)!, "Sender.cs"));
        Assert.Equal(Net8Archive, await TextAsync(fixedSolution.GetProject(old)!, "Archive.cs"));
        Assert.Empty(await ErrorsAsync(fixedSolution.GetProject(modern)!));
        var oldProject = fixedSolution.GetProject(old)!;
        var oldArchive = oldProject.Documents.Single(document => document.Name == "Archive.cs");
        Assert.Empty(await ErrorsAsync(oldProject.Solution.WithDocumentText(oldArchive.Id, Microsoft.CodeAnalysis.Text.SourceText.From(archive)).GetProject(old)!));
        Assert.Contains("internal static class WebSocketChunkedSender", sender);
        Assert.Contains("this System.Net.WebSockets.WebSocket socket", sender);
        Assert.Contains("await socket.SendChunkedAsync(", archive);
        Assert.DoesNotContain("class WebSocketChunkedSender", archive);
    }

    private static readonly ImmutableArray<MetadataReference> Modern = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();

    /// <summary>The .NET Standard 2.0 reference assemblies, whose WebSocket sends only ArraySegment.</summary>
    private static async Task<ImmutableArray<MetadataReference>> OldAsync() =>
        await Verifiers.TargetFrameworks.For(Verifiers.TargetFrameworks.NetStandard20).ResolveAsync(LanguageNames.CSharp, default);

    /// <param name="symbols">The preprocessor symbols of the target framework, as the SDK defines them.</param>
    private static (Solution Solution, ProjectId Project) AddProject(Solution solution, ImmutableArray<MetadataReference> references, IEnumerable<(string Name, string Text)> files, params string[] symbols)
    {
        var id = ProjectId.CreateNewId();
        solution = solution.AddProject(ProjectInfo.Create(
            id,
            VersionStamp.Default,
            "Library",
            "Library",
            LanguageNames.CSharp,
            filePath: "/src/Library/Library.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: symbols),
            metadataReferences: references));
        foreach (var (name, text) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(id), name, text, filePath: "/src/Library/" + name);
        }

        return (solution, id);
    }

    private static async Task<Project> FixAsync(ImmutableArray<MetadataReference> references, params (string Name, string Text)[] files)
    {
        var (solution, id) = AddProject(new AdhocWorkspace().CurrentSolution, references, files);
        return (await FixAsync(solution, id)).GetProject(id)!;
    }

    /// <summary>Applies the first WSL1001 fix offered, as the light bulb would.</summary>
    private static async Task<Solution> FixAsync(Solution solution, ProjectId id)
    {
        var project = solution.GetProject(id)!;
        var compilation = (await project.GetCompilationAsync())!;
        var diagnostic = (await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnboundedSingleFrameSendAnalyzer())).GetAnalyzerDiagnosticsAsync()).Single();
        CodeAction? action = null;
        var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
        await new UnboundedSingleFrameSendCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (registered, _) => action ??= registered, default));
        var operations = await action!.GetOperationsAsync(default);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>Applies WSL1001's Fix All to the whole solution, as dotnet format does.</summary>
    private static async Task<Solution> FixAllAsync(Solution solution)
    {
        var diagnostics = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
        foreach (var project in solution.Projects)
        {
            var compilation = (await project.GetCompilationAsync())!;
            diagnostics[project.Id] = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnboundedSingleFrameSendAnalyzer())).GetAnalyzerDiagnosticsAsync();
        }

        var provider = new UnboundedSingleFrameSendCodeFixProvider();
        var (projectId, found) = diagnostics.First(pair => !pair.Value.IsEmpty);
        var document = solution.GetProject(projectId)!.GetDocument(found[0].Location.SourceTree)!;
        CodeAction? action = null;
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, found[0], (registered, _) => action ??= registered, default));
        var context = new FixAllContext(document, provider, FixAllScope.Solution, action!.EquivalenceKey, provider.FixableDiagnosticIds, new KnownDiagnostics(diagnostics), default);
        var fixAll = await provider.GetFixAllProvider()!.GetFixAsync(context);
        return (await fixAll!.GetOperationsAsync(default)).OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>The diagnostics each project's analysis found, for Fix All.</summary>
    private sealed class KnownDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly IReadOnlyDictionary<ProjectId, ImmutableArray<Diagnostic>> _diagnostics;

        public KnownDiagnostics(IReadOnlyDictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics) => _diagnostics = diagnostics;

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, System.Threading.CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics[document.Project.Id].Where(diagnostic => diagnostic.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, System.Threading.CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics[project.Id]);
    }

    private static async Task<IReadOnlyList<string>> ErrorsAsync(Project project) =>
        (await project.GetCompilationAsync())!.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.ToString()).ToList();

    private static async Task<string> TextAsync(Project project, string name) =>
        (await project.Documents.Single(document => document.Name == name).GetTextAsync()).ToString();
}
