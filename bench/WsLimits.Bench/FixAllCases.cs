using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using WsLimits.Analyzers;
using WsLimits.Analyzers.CodeFixes;

namespace WsLimits.Bench;

/// <summary>A rule, its fix, and methods that each hold one diagnostic the fix rewrites (given a number to keep names apart).</summary>
internal sealed record FixAllCase(string RuleId, DiagnosticAnalyzer Analyzer, CodeFixProvider Fix, ImmutableArray<Func<int, string>> Methods);

/// <summary>
/// The fixes whose Fix All is timed, with methods in the shapes the rules' tests flag and fix. The SignalR fixes are
/// missing: their code needs the ASP.NET Core and SignalR assemblies, which the benchmark does not reference.
/// </summary>
internal static class FixAllCases
{
    public static ImmutableArray<FixAllCase> All { get; } = ImmutableArray.Create(
        new FixAllCase("WSL1001", new UnboundedSingleFrameSendAnalyzer(), new UnboundedSingleFrameSendCodeFixProvider(), ImmutableArray.Create<Func<int, string>>(
            n => $$"""
                public async Task SendTextAsync{{n}}(WebSocket socket, string text, CancellationToken ct)
                {
                    await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct);
                }
                """,
            n => $$"""
                public async Task SendJsonAsync{{n}}(WebSocket socket, object message, CancellationToken ct)
                {
                    _sent++;
                    await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message).AsMemory(), WebSocketMessageType.Text, true, ct);
                }
                """,
            n => $$"""
                public async Task UploadAsync{{n}}(WebSocket socket, string path, CancellationToken ct)
                {
                    await socket.SendAsync(
                        buffer: File.ReadAllBytes(path).AsMemory(),
                        messageType: WebSocketMessageType.Binary,
                        endOfMessage: true,
                        cancellationToken: ct).ConfigureAwait(false);
                }
                """,
            n => $$"""
                public Task ForwardAsync{{n}}(WebSocket socket, string text, CancellationToken ct) =>
                    socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, ct);
                """)),
        new FixAllCase("WSL2001", new EndOfMessageIgnoredAnalyzer(), new EndOfMessageIgnoredCodeFixProvider(), ImmutableArray.Create<Func<int, string>>(
            n => $$"""
                public async Task ReadLoopAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[1024 * 4];
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            break;
                        }

                        Handle(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                }
                """,
            n => $$"""
                public async Task<string[]?> ReadCommandAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[8192];
                    var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                    return JsonSerializer.Deserialize<string[]>(buffer.AsSpan(0, result.Count));
                }
                """,
            n => $$"""
                public async Task<int> ReadBatchAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[8192];
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
                    return document.RootElement.GetArrayLength();
                }
                """)),
        new FixAllCase("WSL2002", new UnboundedReassemblyAnalyzer(), new UnboundedReassemblyCodeFixProvider(), ImmutableArray.Create<Func<int, string>>(
            n => $$"""
                public async Task ReadMessageAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[4096];
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        message.Write(buffer, 0, result.Count);
                    }
                    while (!result.EndOfMessage);
                    Handle(Encoding.UTF8.GetString(message.ToArray()));
                }
                """,
            n => $$"""
                public async Task ReadFileAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[4096];
                    var message = new MemoryStream();
                    while (true)
                    {
                        var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                        await message.WriteAsync(buffer.AsMemory(0, result.Count), ct);
                        if (result.EndOfMessage)
                        {
                            break;
                        }
                    }

                    _received.Add(message.Length.ToString());
                }
                """,
            n => $$"""
                public async Task ReadTextAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[1024];
                    var bytes = new List<byte>();
                    while (true)
                    {
                        var result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                        bytes.AddRange(buffer[..result.Count]);
                        if (result.EndOfMessage) break;
                    }

                    Handle(Encoding.UTF8.GetString(bytes.ToArray()));
                }
                """)),
        new FixAllCase("WSL3001", new BufferSizeIsNotALimitAnalyzer(), new BufferSizeIsNotALimitCodeFixProvider(), ImmutableArray.Create<Func<int, string>>(
            n => $$"""
                public ClientWebSocket Create{{n}}()
                {
                    var socket = new ClientWebSocket();
                    socket.Options.SetBuffer(1024 * 1024, 1024 * 1024);
                    socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                    return socket;
                }
                """,
            n => $$"""
                public async Task<ClientWebSocket> ConnectAsync{{n}}(Uri uri, CancellationToken ct)
                {
                    var socket = new ClientWebSocket();
                    socket.Options.SetRequestHeader("X-Client", "chat");
                    socket.Options.SetBuffer(65536, 65536);
                    await socket.ConnectAsync(uri, ct);
                    return socket;
                }
                """,
            n => $$"""
                public void Configure{{n}}(ClientWebSocketOptions options)
                {
                    options.AddSubProtocol("chat.v2");
                    options.SetBuffer(16384, 16384, new ArraySegment<byte>(new byte[16384]));
                }
                """)),
        new FixAllCase("WSL2003", new TextDecodedPerFragmentAnalyzer(), new TextDecodedPerFragmentCodeFixProvider(), ImmutableArray.Create<Func<int, string>>(
            n => $$"""
                public async Task ReadTextAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[4096];
                    var text = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                    while (!result.EndOfMessage);
                    Handle(text.ToString());
                }
                """,
            n => $$"""
                public async Task ReadLineAsync{{n}}(WebSocket socket, CancellationToken ct)
                {
                    var buffer = new byte[4096];
                    var message = "";
                    while (true)
                    {
                        var received = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        message += Encoding.UTF8.GetString(buffer, 0, received.Count);
                        if (received.EndOfMessage) break;
                    }

                    Handle(message);
                }
                """)));
}
