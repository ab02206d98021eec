using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace WsLimits.Analyzers.CodeFixes.ChunkedSend;

/// <summary>Adds the helper file to a project, unless the project already declares the helper.</summary>
internal static class ChunkedSenderDocument
{
    public static async Task<Solution> EnsureAsync(Project project, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        var webSocket = compilation?.GetTypeByMetadataName("System.Net.WebSockets.WebSocket");
        if (compilation is null || webSocket is null || Declares(compilation, ChunkedSenderTemplate.TypeName))
        {
            return project.Solution;
        }

        var source = ChunkedSenderTemplate.Render(ChunkedSenderVariants.For(compilation, webSocket), maxFrameBytes);
        var filePath = project.FilePath is { } projectFile
            ? Path.Combine(Path.GetDirectoryName(projectFile) ?? string.Empty, ChunkedSenderTemplate.FileName)
            : null;
        var helper = project.AddDocument(ChunkedSenderTemplate.FileName, SourceText.From(source), filePath: filePath);

        // Formatting the new file applies the project's own style (indentation, new lines) to the template.
        var formatted = await Formatter.FormatAsync(helper, cancellationToken: cancellationToken).ConfigureAwait(false);
        return formatted.Project.Solution;
    }

    private static bool Declares(Compilation compilation, string typeName) =>
        compilation.GetTypeByMetadataName(typeName) is { } type && type.Locations.Any(location => location.IsInSource);
}
