using System.Linq;
using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>The WSL2002 fix leaves the loop the way the loop already leaves, so its cleanup still runs.</summary>
public sealed class WSL2002ExitPathTests
{
    private const string Limit = "const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes\n";

    [Fact]
    public Task BreaksToTheReconnectLogicAfterTheLoopAsTheCloseBranchDoes()
    {
        var source = Client("""
                var buffer = new byte[4096];
                using var message = new MemoryStream();
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                        break;
                    }

                    [|message.Write(buffer, 0, result.Count)|];
                    if (result.EndOfMessage)
                    {
                        Handle(message.ToArray());
                        message.SetLength(0);
                    }
                }

                Disconnected?.Invoke();
                await ReconnectAsync(ct);
            """);
        return FixAsync(source, "[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageBytes)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            break;
                        }

            """);
    }

    [Fact]
    public Task SetsTheFlagAndTheCloseTaskThatEveryOtherExitSets()
    {
        var source = Client("""
                var buffer = new byte[8192];
                var message = new MemoryStream();
                var broken = false;
                while (!broken)
                {
                    WebSocketReceiveResult result;
                    message.SetLength(0);
                    do
                    {
                        result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            broken = true;
                            _closeTask = CloseInternalAsync();
                            break;
                        }

                        [|message.Write(buffer, 0, result.Count)|];
                    }
                    while (!result.EndOfMessage);

                    if (broken)
                    {
                        break;
                    }

                    Handle(message.ToArray());
                }
            """);
        return FixAsync(source, "[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                            if (message.Length > MaxMessageBytes)
                            {
                                await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                                broken = true;
                                _closeTask = CloseInternalAsync();
                                break;
                            }
            """);
    }

    [Fact]
    public Task RaisesTheCloseEventUnderTheConditionTheCloseBranchChecks()
    {
        var source = Client("""
                var buffer = new byte[1024];
                while (_socket.State == WebSocketState.Open)
                {
                    var text = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            if (!_disconnecting)
                            {
                                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "Closed by server", ct);
                                Disconnected?.Invoke();
                            }

                            return;
                        }

                        [|text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|];
                    }
                    while (!result.EndOfMessage);

                    Handle(Encoding.UTF8.GetBytes(text.ToString()));
                }
            """, members: "private bool _disconnecting;\n");
        return FixAsync(source, "[|text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|];", """
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                            if (text.Length > MaxMessageBytes)
                            {
                                await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                                if (!_disconnecting)
                                {
                                    Disconnected?.Invoke();
                                }

                                return;
                            }
            """);
    }

    [Fact]
    public Task ReturnsWhatTheMethodReturnsWhenThePeerCloses()
    {
        var source = Client("""
                var buffer = new byte[4096];
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return null;
                    }

                    [|message.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);

                return new MessageReceivedEventArgs(message.ToArray());
            """, returns: "Task<MessageReceivedEventArgs?>");
        return FixAsync(source, "[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageBytes)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            return null;
                        }
            """);
    }

    [Fact]
    public Task ReturnsTheFailureValueTheMethodReturnsElsewhere()
    {
        var source = Client("""
                if (_socket.State != WebSocketState.Open)
                {
                    return default;
                }

                var buffer = new byte[4096];
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    [|message.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);

                return new MessageReceivedEventArgs(message.ToArray());
            """, returns: "Task<MessageReceivedEventArgs?>");
        return FixAsync(source, "[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageBytes)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            return default;
                        }
            """);
    }

    [Fact]
    public Task BreaksSoThePooledStreamGoesBackToItsPool()
    {
        var source = Client("""
                var buffer = new byte[4096];
                var stream = _pool.Rent();
                while (true)
                {
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    [|stream.Write(buffer, 0, result.Count)|];
                    if (result.EndOfMessage)
                    {
                        break;
                    }
                }

                _pool.Return(stream);
            """);
        return FixAsync(source, "[|stream.Write(buffer, 0, result.Count)|];", """
            stream.Write(buffer, 0, result.Count);
                        if (stream.Length > MaxMessageBytes)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            break;
                        }

            """);
    }

    [Fact]
    public Task ReturnsFromAStreamInUsingWhichDisposesIt()
    {
        var source = Client("""
                var buffer = new byte[4096];
                using (var stream = _pool.Rent())
                {
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        [|stream.Write(buffer, 0, result.Count)|];
                    }
                    while (!result.EndOfMessage);

                    Handle(stream.ToArray());
                }
            """);
        return FixAsync(source, "[|stream.Write(buffer, 0, result.Count)|];", """
            stream.Write(buffer, 0, result.Count);
                            if (stream.Length > MaxMessageBytes)
                            {
                                await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                                return;
                            }
            """);
    }

    [Fact]
    public Task FixesTheLoopOfTheTargetFrameworkBeingBuilt()
    {
        var source = Client("""
                var buffer = new byte[4096];
                using var message = new MemoryStream();
            #if NETSTANDARD2_0
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            #else
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), ct);
                    [|message.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);
            #endif
                Handle(message.ToArray());
            """);
        return FixAsync(source, "[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageBytes)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            return;
                        }
            """);
    }

    [Fact]
    public Task ClosesWithTheSystemStatusInAFileThatAliasesWebSocketToAnotherType()
    {
        var source = """
            using System;
            using System.IO;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;
            using static System.Net.WebSockets.WebSocketMessageType;
            using WebSocket = Library.WebSockets.WebSocket;

            namespace Library.WebSockets.Transport;

            sealed class Listener
            {
                private readonly ClientWebSocket _client = new();

                public WebSocket? Owner { get; set; }

                async Task ListenAsync(CancellationToken ct)
                {
                    var buffer = new byte[4096];
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _client.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        if (result.MessageType == Close)
                        {
                            return;
                        }

                        [|message.Write(buffer, 0, result.Count)|];
                    }
                    while (!result.EndOfMessage);
                }
            }
            """;
        var test = Verifier.Create(source);
        test.TestState.Sources.Add(("/0/WebSocket.cs", LibraryWebSocket));
        test.FixedState.Sources.Add(source
            .Replace("var buffer = new byte[4096];", Limit.TrimEnd('\n') + "\n        var buffer = new byte[4096];")
            .Replace("[|message.Write(buffer, 0, result.Count)|];", """
                message.Write(buffer, 0, result.Count);
                            if (message.Length > MaxMessageBytes)
                            {
                                await _client.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                                return;
                            }
                """));
        test.FixedState.Sources.Add(("/0/WebSocket.cs", LibraryWebSocket));
        return test.RunAsync();
    }

    [Fact]
    public Task ComparesWithTheMessageLimitTheClassAlreadyHas()
    {
        var source = Client("""
                var buffer = new byte[4096];
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    [|message.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);
            """, members: "public long MaxMessageSize { get; set; } = 64 * 1024;\n    public int ReceiveBufferSize { get; set; } = 4096;\n");
        var test = Verifier.Create(source);
        test.FixedCode = source.Replace("[|message.Write(buffer, 0, result.Count)|];", """
            message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageSize)
                        {
                            await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            return;
                        }
            """);
        test.CodeActionEquivalenceKey = "WSL2002.CapReassembly";
        return test.RunAsync();
    }

    [Fact]
    public Task ReturnsFromTopLevelStatements()
    {
        var source = Usings + """
            using var ws = new ClientWebSocket();
            var buffer = new byte[4096];
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                [|message.Write(buffer, 0, result.Count)|];
            }
            while (!result.EndOfMessage);

            Console.WriteLine(message.Length);
            """;
        var test = Verifier.Create(source);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedCode = source
            .Replace("WebSocketReceiveResult result;\ndo", "WebSocketReceiveResult result;\n" + Limit + "do")
            .Replace("[|message.Write(buffer, 0, result.Count)|];", """
                message.Write(buffer, 0, result.Count);
                    if (message.Length > MaxMessageBytes)
                    {
                        await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", default);
                        return;
                    }
                """);
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixWhereEveryExitWouldSkipCleanupOrHandleTheRefusedMessage()
    {
        var source = Client("""
                var buffer = new byte[4096];
                while (true)
                {
                    using var message = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                        [|message.Write(buffer, 0, result.Count)|];
                    }
                    while (!result.EndOfMessage);

                    Handle(message.ToArray());
                }

                Disconnected?.Invoke();
            """);
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixWhereTheMethodReturnsAValueAndHasNoFailureToReturn()
    {
        var source = Client("""
                var buffer = new byte[4096];
                var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    [|message.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);

                return new MessageReceivedEventArgs(message.ToArray());
            """, returns: "Task<MessageReceivedEventArgs?>");
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }

    private const string LibraryWebSocket = """
        namespace Library.WebSockets
        {
            public sealed class WebSocket
            {
                public string Url { get; set; } = "";
            }
        }
        """;

    /// <summary>A client as libraries write one: its socket, a pool of streams, a close task and events.</summary>
    private static string Client(string body, string returns = "Task", string members = "") => "#nullable enable\n" + Usings + $$"""
        sealed class Client
        {
            private readonly ClientWebSocket _socket = new();
            private readonly StreamPool _pool = new();
            private Task _closeTask = Task.CompletedTask;

            public event Action? Disconnected;
            {{members}}
            async {{returns}} ListenAsync(CancellationToken ct)
            {
        {{Indent(Dedent(body))}}
            }

            private void Handle(byte[] message) { }

            private Task ReconnectAsync(CancellationToken ct) => Task.CompletedTask;

            private Task CloseInternalAsync() => _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
        }

        sealed class StreamPool
        {
            public MemoryStream Rent() => new();

            public void Return(MemoryStream stream) => stream.SetLength(0);
        }

        sealed class MessageReceivedEventArgs
        {
            public MessageReceivedEventArgs(byte[] message) => Message = message;

            public byte[] Message { get; }
        }
        """;

    /// <summary>The bodies above are written one level in, as they read in the method.</summary>
    private static string Dedent(string body) =>
        string.Join("\n", body.Split('\n').Select(line => line.StartsWith("    ", System.StringComparison.Ordinal) ? line[4..] : line));

    private static Task FixAsync(string source, string marked, string check)
    {
        var test = Verifier.Create(source);
        test.FixedCode = source
            .Replace(marked, check)
            .Replace("    async ", "    async ")
            .Replace("    {\n        var buffer", "    {\n        " + Limit + "        var buffer")
            .Replace("    {\n        if (_socket.State", "    {\n        " + Limit + "        if (_socket.State");
        return test.RunAsync();
    }
}
