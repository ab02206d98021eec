using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// Adds a helper class, such as the chunked sender, to each project once: at the end of the first file the fix changed
/// whose namespace every target framework compiles, unless the project already declares it. It goes into an existing
/// file rather than a new one because <c>dotnet format</c> adds an explicit Compile item for a new file, which
/// SDK-style projects then include twice.
/// </summary>
internal static class HelperDocument
{
    /// <param name="changed">The documents the fix rewrote to call the helper, of any projects.</param>
    /// <param name="render">Writes the helper's source for a compilation of the project and its WebSocket type.</param>
    public static async Task<Solution> EnsureAsync(
        Solution solution,
        IReadOnlyList<DocumentId> changed,
        string typeName,
        Func<Compilation, INamedTypeSymbol, string> render,
        CancellationToken cancellationToken)
    {
        // A project that targets several frameworks is loaded once per framework, with the same files, and each copy
        // has its own changed files (a send under #if is in one only). Every copy gets the helper in the same file and
        // the same usings in the same files, so that dotnet format merges the copies into one text.
        foreach (var copies in changed.GroupBy(id => solution.GetProject(id.ProjectId)!.FilePath ?? id.ProjectId.Id.ToString()))
        {
            var changedFiles = copies.Select(id => solution.GetDocument(id)!.FilePath ?? id.Id.ToString()).Distinct().ToList();
            var projects = copies.Select(id => id.ProjectId).Distinct().ToList();
            var host = await HostFileAsync(solution, projects, changedFiles, cancellationToken).ConfigureAwait(false);
            foreach (var projectId in projects)
            {
                var project = solution.GetProject(projectId)!;
                var documents = changedFiles.Select(file => DocumentOf(project, file)).OfType<DocumentId>().ToList();
                var hostDocument = DocumentOf(project, host) ?? documents[0];
                solution = await EnsureInProjectAsync(solution, hostDocument, documents, typeName, render, cancellationToken).ConfigureAwait(false);
            }
        }

        return solution;
    }

    private static DocumentId? DocumentOf(Project project, string file) =>
        project.Documents.FirstOrDefault(document => (document.FilePath ?? document.Id.Id.ToString()) == file)?.Id;

    /// <summary>
    /// The first changed file whose place for the helper every copy of the project compiles: its file-scoped namespace,
    /// if it has one, is the same in every copy and outside any #if. A file that declares its namespace under
    /// <c>#if NET8_0_OR_GREATER</c> would give the helper to .NET 8 only, and the using of that namespace that the
    /// other files get would not compile for the older framework (CS0234).
    /// </summary>
    private static async Task<string> HostFileAsync(Solution solution, IReadOnlyList<ProjectId> projects, IReadOnlyList<string> changedFiles, CancellationToken cancellationToken)
    {
        foreach (var file in changedFiles)
        {
            var namespaces = new HashSet<string?>();
            var compiledEverywhere = true;
            foreach (var projectId in projects)
            {
                if (DocumentOf(solution.GetProject(projectId)!, file) is not { } id
                    || await solution.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root)
                {
                    continue;
                }

                var fileScoped = root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault();
                namespaces.Add(fileScoped?.Name.ToString());
                compiledEverywhere &= fileScoped is null || !InsideConditional(root, fileScoped.SpanStart);
            }

            if (compiledEverywhere && namespaces.Count == 1)
            {
                return file;
            }
        }

        return changedFiles[0];
    }

    /// <param name="changed">The project's documents the fix rewrote to call the helper.</param>
    private static async Task<Solution> EnsureInProjectAsync(
        Solution solution,
        DocumentId hostId,
        IReadOnlyList<DocumentId> changed,
        string typeName,
        Func<Compilation, INamedTypeSymbol, string> render,
        CancellationToken cancellationToken)
    {
        var project = solution.GetProject(hostId.ProjectId)!;
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || await OldestWebSocketAsync(solution, project, cancellationToken).ConfigureAwait(false) is not { } oldest)
        {
            return solution;
        }

        var (target, webSocket) = oldest;

        var existing = compilation.GetSymbolsWithName(typeName, SymbolFilter.Type, cancellationToken).FirstOrDefault(symbol => symbol.Locations.Any(location => location.IsInSource));
        var helperNamespace = existing?.ContainingNamespace.ToDisplayString();
        if (existing is null)
        {
            var host = solution.GetDocument(hostId)!;
            var root = (CompilationUnitSyntax)(await host.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var helper = HelperNames.Qualify(target, render(target, webSocket));
            (root, helperNamespace) = AddHelper(root, helper, GlobalImports(compilation));
            var formatted = await Formatter.FormatAsync(host.WithSyntaxRoot(root), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            solution = formatted.Project.Solution;
        }

        return await ImportNamespaceAsync(solution, changed, helperNamespace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The WebSocket the helper must be written for. A project that targets several frameworks is loaded as one project
    /// per framework, all with the same file: the helper goes into files they share, so it is written for the oldest
    /// WebSocket among them, the one with the fewest send and receive overloads.
    /// </summary>
    private static async Task<(Compilation Compilation, INamedTypeSymbol WebSocket)?> OldestWebSocketAsync(Solution solution, Project project, CancellationToken cancellationToken)
    {
        var siblings = project.FilePath is null
            ? new[] { project }
            : solution.Projects.Where(candidate => candidate.Language == project.Language && candidate.FilePath == project.FilePath);
        (Compilation Compilation, INamedTypeSymbol WebSocket)? oldest = null;
        var fewest = int.MaxValue;
        foreach (var sibling in siblings)
        {
            var compilation = await sibling.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation?.GetTypeByMetadataName("System.Net.WebSockets.WebSocket") is not { } webSocket)
            {
                continue;
            }

            var overloads = webSocket.GetMembers("SendAsync").Length + webSocket.GetMembers("ReceiveAsync").Length;
            if (overloads < fewest)
            {
                (oldest, fewest) = ((compilation, webSocket), overloads);
            }
        }

        return oldest;
    }

    /// <summary>
    /// Appends the helper's types to the file, inside its file-scoped namespace if it has one (C# allows no type outside
    /// it), otherwise at the end in the global namespace; and the helper's usings the file lacks.
    /// </summary>
    /// <param name="globalImports">The namespaces every file of the project imports already.</param>
    private static (CompilationUnitSyntax Root, string? Namespace) AddHelper(CompilationUnitSyntax root, CompilationUnitSyntax helper, ISet<string> globalImports)
    {
        // The helper's leading blank line separates it from the code above, which must end its last line first.
        var lastToken = root.GetLastToken();
        if (!lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
        {
            root = root.ReplaceToken(lastToken, lastToken.WithTrailingTrivia(lastToken.TrailingTrivia.Add(SyntaxFactory.ElasticCarriageReturnLineFeed)));
        }

        var types = helper.Members.Select(member => member.WithAdditionalAnnotations(Formatter.Annotation)).ToArray();

        // A file that ends in #if ... #endif keeps those directives on its end: the helper goes after them, not inside.
        var end = root.EndOfFileToken;
        if (types.Length > 0 && end.LeadingTrivia.Any(trivia => trivia.IsDirective))
        {
            types[0] = types[0].WithLeadingTrivia(end.LeadingTrivia.AddRange(types[0].GetLeadingTrivia()));
            root = root.WithEndOfFileToken(end.WithLeadingTrivia());
        }

        string? helperNamespace = null;
        if (root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().FirstOrDefault() is { } fileScoped)
        {
            root = root.ReplaceNode(fileScoped, fileScoped.AddMembers(types));
            helperNamespace = fileScoped.Name.ToString();
        }
        else
        {
            root = root.AddMembers(types);
        }

        // A using that repeats a global one (ImplicitUsings gives System, System.Threading.Tasks and others) is one that
        // IDE0005 reports, and a build that treats it as an error fails.
        foreach (var usingDirective in helper.Usings.Where(usingDirective => !globalImports.Contains(usingDirective.Name?.ToString() ?? string.Empty)))
        {
            root = WithUsing(root, usingDirective);
        }

        return (root, helperNamespace);
    }

    /// <summary>The namespaces of the project's <c>global using</c> directives (not aliases, not <c>using static</c>), without <c>global::</c>.</summary>
    private static ISet<string> GlobalImports(Compilation compilation)
    {
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var usingDirective in ((CompilationUnitSyntax)tree.GetRoot()).Usings)
            {
                if (usingDirective.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && usingDirective.Alias is null && !usingDirective.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && usingDirective.Name is { } name)
                {
                    var text = name.ToString();
                    namespaces.Add(text.StartsWith("global::", StringComparison.Ordinal) ? text.Substring("global::".Length) : text);
                }
            }
        }

        return namespaces;
    }

    /// <summary>
    /// Adds a using the file lacks, before the first one that sorts after it, and outside any #if around the usings.
    /// An alias or a <c>using static</c> of the same name imports no namespace, so does not count.
    /// </summary>
    private static CompilationUnitSyntax WithUsing(CompilationUnitSyntax root, UsingDirectiveSyntax usingDirective)
    {
        var name = usingDirective.Name?.ToString() ?? string.Empty;
        var usings = root.Usings;
        if (usings.Any(existing => existing.Alias is null && !existing.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && existing.Name?.ToString() == name))
        {
            return root;
        }

        var sorted = 0;
        while (sorted < usings.Count && CompareUsings(usings[sorted].Name?.ToString() ?? string.Empty, name) < 0)
        {
            sorted++;
        }

        // The first place at or after its sorted one that no #if holds; where the last usings are all under #if, the
        // place before them. Before the first using is such a place whenever the #if starts with the usings.
        var position = sorted;
        while (position <= usings.Count && InsideConditional(root, PlaceBefore(usings, position)))
        {
            position++;
        }

        if (position > usings.Count)
        {
            position = sorted;
            while (position > 0 && InsideConditional(root, PlaceBefore(usings, position)))
            {
                position--;
            }
        }

        // Line it up with its neighbours, so that no blank line or other layout change comes with it.
        if (usings.Count > 0)
        {
            var neighbour = usings[Math.Min(position, usings.Count - 1)];
            usingDirective = usingDirective.WithoutLeadingTrivia().WithTrailingTrivia(neighbour.GetTrailingTrivia());
        }

        return root.WithUsings(usings.Insert(position, usingDirective.WithAdditionalAnnotations(Formatter.Annotation)));
    }

    /// <summary>Where a using inserted at <paramref name="index"/> starts: before that using's trivia, or after the last one.</summary>
    private static int PlaceBefore(SyntaxList<UsingDirectiveSyntax> usings, int index) =>
        index < usings.Count ? usings[index].FullSpan.Start : usings.Count == 0 ? 0 : usings[usings.Count - 1].FullSpan.End;

    /// <summary>True where more #if directives than #endif come before <paramref name="position"/>.</summary>
    private static bool InsideConditional(CompilationUnitSyntax root, int position)
    {
        var depth = 0;
        foreach (var directive in root.DescendantTrivia(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(0, position)).Where(trivia => trivia.IsDirective && trivia.SpanStart < position))
        {
            depth += directive.IsKind(SyntaxKind.IfDirectiveTrivia) ? 1 : directive.IsKind(SyntaxKind.EndIfDirectiveTrivia) ? -1 : 0;
        }

        return depth > 0;
    }

    /// <summary>System namespaces first, then by name, as Visual Studio sorts them.</summary>
    private static int CompareUsings(string a, string b)
    {
        var systemFirst = IsSystem(b).CompareTo(IsSystem(a));
        return systemFirst != 0 ? systemFirst : string.CompareOrdinal(a, b);
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal);

    /// <summary>Where the helper lives in a namespace, the changed files outside it import it.</summary>
    private static async Task<Solution> ImportNamespaceAsync(Solution solution, IReadOnlyList<DocumentId> changed, string? helperNamespace, CancellationToken cancellationToken)
    {
        if (helperNamespace is null || helperNamespace == "<global namespace>")
        {
            return solution;
        }

        foreach (var documentId in changed)
        {
            var document = solution.GetDocument(documentId)!;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var inside = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>()
                .Any(declaration => declaration.Name.ToString() == helperNamespace || declaration.Name.ToString().StartsWith(helperNamespace + ".", StringComparison.Ordinal));

            // A file with no code in this view (all of it under an #if this framework leaves out) calls nothing.
            if (!inside && root.Members.Count > 0 && root.Usings.All(usingDirective => usingDirective.Name?.ToString() != helperNamespace))
            {
                var import = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(helperNamespace)).WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
                var formatted = await Formatter.FormatAsync(document.WithSyntaxRoot(WithUsing(root, import)), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
                solution = formatted.Project.Solution;
            }
        }

        return solution;
    }
}
