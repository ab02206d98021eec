namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>Wraps a method body in a class with the usings a WebSocket sender has.</summary>
internal static class WSL1001Sources
{
    public const string Usings = """
        using System;
        using System.Buffers;
        using System.IO;
        using System.Net.WebSockets;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    /// <summary>A public method, so that its parameters carry whatever any caller passes.</summary>
    public static string InMethod(string body, string parameters = "WebSocket ws, object message, string text, CancellationToken ct") => Usings + $$"""
        public class Sender
        {
            public async Task SendAsync({{parameters}})
            {
        {{Indent(body)}}
            }
        }
        """;

    /// <summary>Indents a method body to sit inside the wrapping class.</summary>
    public static string Indent(string body)
    {
        var lines = body.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].Length == 0 ? lines[i] : "        " + lines[i];
        }

        return string.Join("\n", lines);
    }
}
