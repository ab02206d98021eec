using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WsLimits.Analyzers.CodeFixes.CloseDescription;

/// <summary>
/// The source of the helper the WSL2004 fix inserts once per project: Truncate keeps the longest start of a text that
/// fits in 123 UTF-8 bytes, cut between characters. Written in C# 7.3; from C# 8 on it is annotated for nullable and
/// enables nullable for itself, so that it is clean whatever the context of the file it is appended to (it goes last).
/// </summary>
internal static class CloseDescriptionTemplate
{
    public const string TypeName = "CloseDescription";
    public const string MethodName = "Truncate";

    public static string Render(Compilation compilation, INamedTypeSymbol webSocket) =>
        Source(compilation is CSharpCompilation { LanguageVersion: >= LanguageVersion.CSharp8 });

    /// <param name="nullableAnnotations">Whether to write string? for the text that may be null, under #nullable enable.</param>
    public static string Source(bool nullableAnnotations) => Template
        .Replace("$NullableContext$", nullableAnnotations ? "#nullable enable\n" : string.Empty)
        .Replace("$Nullable$", nullableAnnotations ? "?" : string.Empty);

    private const string Template = """
        using System.Text;

        $NullableContext$/// <summary>
        /// Keeps a WebSocket close description within the 123 UTF-8 bytes a close frame holds beside its status code:
        /// CloseAsync and CloseOutputAsync throw ArgumentException for a longer one.
        /// </summary>
        internal static class CloseDescription
        {
            public const int MaxBytes = 123;

            /// <summary>The text, or its longest start that fits, cut between characters and never inside one.</summary>
            public static string$Nullable$ Truncate(string$Nullable$ text)
            {
                if (text == null || Encoding.UTF8.GetByteCount(text) <= MaxBytes)
                {
                    return text;
                }

                var bytes = 0;
                var length = 0;
                while (length < text.Length)
                {
                    var pair = char.IsHighSurrogate(text[length]) && length + 1 < text.Length && char.IsLowSurrogate(text[length + 1]);

                    // A lone surrogate is sent as U+FFFD, three bytes like the rest of the Basic Multilingual Plane above U+07FF.
                    var size = pair ? 4 : text[length] < 0x80 ? 1 : text[length] < 0x800 ? 2 : 3;
                    if (bytes + size > MaxBytes)
                    {
                        break;
                    }

                    bytes += size;
                    length += pair ? 2 : 1;
                }

                return text.Substring(0, length);
            }
        }

        """;
}
