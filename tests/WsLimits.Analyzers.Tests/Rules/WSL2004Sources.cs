namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>Close paths as people write them, in a class with the usings a WebSocket endpoint has.</summary>
internal static class WSL2004Sources
{
    /// <summary>A 124-character ASCII constant: one byte more than a close frame holds.</summary>
    public static readonly string TooLong = new('x', 124);

    /// <summary>A 123-character ASCII constant: exactly what a close frame holds.</summary>
    public static readonly string AtTheLimit = new('x', 123);

    /// <summary>
    /// <paramref name="body"/> in a private method with socket <c>ws</c>, token <c>ct</c> and a <c>Message</c> type
    /// to deserialize; <paramref name="members"/> are further members of the class.
    /// </summary>
    public static string InMethod(string body, string parameters = "WebSocket ws, CancellationToken ct", string members = "") =>
        WSL1001Sources.Usings + $$"""
        public class Endpoint
        {
            private async Task CloseAsync({{parameters}})
            {
        {{WSL1001Sources.Indent(body)}}
            }
        {{members}}
        }

        public sealed class Message
        {
            public string Text { get; set; } = "";

            public int Code { get; set; }
        }
        """;
}
