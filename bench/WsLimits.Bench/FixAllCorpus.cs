using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace WsLimits.Bench;

/// <summary>
/// Generated C# for the Fix All timing: classes of a few WebSocket methods, each method holding one diagnostic.
/// The files share several namespaces, some file-scoped and some not, so the fixes that insert a helper also have to
/// import its namespace elsewhere.
/// </summary>
internal static class FixAllCorpus
{
    private const int MethodsPerFile = 5;

    private static readonly string[] Namespaces = { "Chat.Rooms", "Chat.Uploads", "Chat.Presence", "Chat.Admin" };

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net.WebSockets;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        """;

    public static IEnumerable<(string Path, string Text)> Files(ImmutableArray<Func<int, string>> methods, int diagnostics)
    {
        for (var file = 0; file * MethodsPerFile < diagnostics; file++)
        {
            var first = file * MethodsPerFile;
            var members = Enumerable.Range(first, Math.Min(MethodsPerFile, diagnostics - first)).Select(n => methods[n % methods.Length](n));
            var name = "Connection" + file.ToString(CultureInfo.InvariantCulture);
            yield return (name + ".cs", Text(Namespaces[file % Namespaces.Length], file % 3 == 2, Class(name, members)));
        }
    }

    private static string Class(string name, IEnumerable<string> methods) => $$"""
        public sealed class {{name}}
        {
            private readonly List<string> _received = new();
            private int _sent;

            public int Sent => _sent;

        {{Indent(string.Join("\n\n", methods))}}

            private void Handle(string message) => _received.Add(message);
        }
        """;

    private static string Text(string name, bool blockScoped, string type) => blockScoped
        ? $$"""
            {{Usings}}

            namespace {{name}}
            {
            {{Indent(type)}}
            }

            """
        : $$"""
            {{Usings}}

            namespace {{name}};

            {{type}}

            """;

    private static string Indent(string code) =>
        string.Join("\n", code.Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
}
