using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace WsLimits.Analyzers.CodeFixes.Helpers;

/// <summary>
/// Adds a helper file, such as the chunked sender, to a project once: a project that already declares the
/// helper type keeps its own.
/// </summary>
internal static class HelperDocument
{
    /// <param name="render">Writes the helper's source for the project's compilation and its WebSocket type.</param>
    public static async Task<Solution> EnsureAsync(Project project, string typeName, Func<Compilation, INamedTypeSymbol, string> render, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var webSocket = compilation?.GetTypeByMetadataName("System.Net.WebSockets.WebSocket");
        if (compilation is null || webSocket is null || Declares(compilation, typeName))
        {
            return project.Solution;
        }

        var fileName = typeName + ".cs";
        var filePath = project.FilePath is { } projectFile
            ? Path.Combine(Path.GetDirectoryName(projectFile) ?? string.Empty, fileName)
            : null;
        var helper = project.AddDocument(fileName, SourceText.From(render(compilation, webSocket)), filePath: filePath);

        // Formatting the new file applies the project's own style (indentation, new lines) to the template.
        var formatted = await Formatter.FormatAsync(helper, cancellationToken: cancellationToken).ConfigureAwait(false);
        return formatted.Project.Solution;
    }

    private static bool Declares(Compilation compilation, string typeName) =>
        compilation.GetTypeByMetadataName(typeName) is { } type && type.Locations.Any(location => location.IsInSource);
}
