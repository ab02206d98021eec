namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>Receive loops as people write them, wrapped in a class with the usings a WebSocket server has.</summary>
internal static class ReceiveSources
{
    public static string InMethod(string body, string returns = "Task", string parameters = "WebSocket ws, CancellationToken ct") =>
        WSL1001Sources.Usings + "using System.Collections.Generic;\nusing System.IO.Pipelines;\n\n" + $$"""
        class Receiver
        {
            async {{returns}} ReceiveAsync({{parameters}})
            {
        {{WSL1001Sources.Indent(body)}}
            }

            void Handle(string message) { }
        }
        """;
}
