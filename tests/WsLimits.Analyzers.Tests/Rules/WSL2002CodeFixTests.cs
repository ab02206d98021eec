using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2002CodeFixTests
{
    [Fact]
    public Task InsertsACheckThatClosesWith1009AndDeclaresTheLimitBeforeTheLoop()
    {
        var test = Verifier.Create(InMethod(MemoryStreamLoop));
        test.FixedCode = InMethod(CheckedMemoryStreamLoop("WebSocketCloseStatus"));
        return test.RunAsync();
    }

    [Fact]
    public Task KeepsOneBlankLineWhereTheAppendWasFollowedByOne()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                [|text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|];

                Console.WriteLine(result.Count);
            }
            while (!result.EndOfMessage);
            Handle(text.ToString());
            """));
        test.FixedCode = InMethod("""
            const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (text.Length > MaxMessageBytes)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    return;
                }

                Console.WriteLine(result.Count);
            }
            while (!result.EndOfMessage);
            Handle(text.ToString());
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllChecksEveryStoreAndDeclaresTheLimitOnce()
    {
        var test = Verifier.Create(
            InMethod("""
                var buffer = new byte[1024];
                var bytes = new List<byte>();
                var text = new StringBuilder();
                while (true)
                {
                    var result = await ws.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    [|bytes.AddRange(buffer[..result.Count])|];
                    [|text.Append(Encoding.ASCII.GetString(buffer, 0, result.Count))|];
                    if (result.EndOfMessage) break;
                }
                """,
                parameters: "WebSocket ws, CancellationToken cancellationToken"),
            editorConfig: "wslimits.max_receive_message_bytes = 65536");
        test.FixedCode = InMethod(
            """
            const int MaxMessageBytes = 65_536; // wslimits.max_receive_message_bytes
            var buffer = new byte[1024];
            var bytes = new List<byte>();
            var text = new StringBuilder();
            while (true)
            {
                var result = await ws.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                bytes.AddRange(buffer[..result.Count]);
                if (bytes.Count > MaxMessageBytes)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                    return;
                }

                text.Append(Encoding.ASCII.GetString(buffer, 0, result.Count));
                if (text.Length > MaxMessageBytes)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                    return;
                }

                if (result.EndOfMessage) break;
            }
            """,
            parameters: "WebSocket ws, CancellationToken cancellationToken");
        test.NumberOfFixAllIterations = 1;
        test.NumberOfIncrementalIterations = 2;
        return test.RunAsync();
    }

    [Fact]
    public Task ReusesALimitTheCodeAlreadyHas()
    {
        var source = WSL1001Sources.Usings + """
            class Receiver
            {
                private const int MaxMessageBytes = 4096;
                private readonly WebSocket _socket;

                Receiver(WebSocket socket) => _socket = socket;

                async ValueTask ReceiveAsync()
                {
                    var buffer = new byte[512];
                    var message = new MemoryStream();
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer.AsMemory(), default);
                        await [|message.WriteAsync(buffer.AsMemory(0, result.Count))|];
                    }
                    while (!result.EndOfMessage);
                }
            }
            """;
        var test = Verifier.Create(source);
        test.FixedCode = source
            .Replace("await [|message.WriteAsync(buffer.AsMemory(0, result.Count))|];", """
                await message.WriteAsync(buffer.AsMemory(0, result.Count));
                            if (message.Length > MaxMessageBytes)
                            {
                                await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", default);
                                return;
                            }
                """);
        return test.RunAsync();
    }

    /// <summary>The first loop breaks: the code after it tests the socket's State, which the close has changed, and goes on.</summary>
    [Fact]
    public Task DeclaresTheLimitOnceForEveryLoopInTheFunction()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var first = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
                [|first.Write(buffer, 0, result.Count)|];
            }
            while (!result.EndOfMessage);

            if (ws.State == WebSocketState.Open)
            {
                var second = new MemoryStream();
                do
                {
                    result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
                    [|second.Write(buffer, 0, result.Count)|];
                }
                while (!result.EndOfMessage);
            }
            """));
        test.FixedCode = InMethod("""
            const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
            var buffer = new byte[4096];
            var first = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
                first.Write(buffer, 0, result.Count);
                if (first.Length > MaxMessageBytes)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    break;
                }
            }
            while (!result.EndOfMessage);

            if (ws.State == WebSocketState.Open)
            {
                var second = new MemoryStream();
                do
                {
                    result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
                    second.Write(buffer, 0, result.Count);
                    if (second.Length > MaxMessageBytes)
                    {
                        await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                        return;
                    }
                }
                while (!result.EndOfMessage);
            }
            """);
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task ChecksTheWrittenCountOfABufferWriterTheCodeDeclares()
    {
        var test = Verifier.Create(InMethod("""
            using var writer = new PooledBufferWriter();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(writer.GetMemory(4096), ct);
                [|writer.Advance(result.Count)|];
            }
            while (!result.EndOfMessage);
            """) + PooledBufferWriter);
        test.FixedCode = InMethod("""
            const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
            using var writer = new PooledBufferWriter();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(writer.GetMemory(4096), ct);
                writer.Advance(result.Count);
                if (writer.WrittenCount > MaxMessageBytes)
                {
                    await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                    return;
                }
            }
            while (!result.EndOfMessage);
            """) + PooledBufferWriter;
        return test.RunAsync();
    }

    [Fact]
    public Task ChecksTheLengthOfAnArrayAfterItIsResized()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var count = 0;
            WebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    [|Array.Resize(ref buffer, buffer.Length * 2)|];
                }

                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), ct);
                count += result.Count;
            }
            while (!result.EndOfMessage);
            """));
        test.FixedCode = InMethod("""
            const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
            var buffer = new byte[4096];
            var count = 0;
            WebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                    if (buffer.Length > MaxMessageBytes)
                    {
                        await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                        return;
                    }
                }

                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), ct);
                count += result.Count;
            }
            while (!result.EndOfMessage);
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task NamesTheCloseStatusWithItsNamespaceWhereTheFileDoesNotImportIt()
    {
        var test = Verifier.Create("""
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Receiver
            {
                async Task ReceiveAsync(System.Net.WebSockets.WebSocket ws)
                {
                    var buffer = new byte[4096];
                    using var message = new MemoryStream();
                    while (true)
                    {
                        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                        [|message.Write(buffer, 0, result.Count)|];
                        if (result.EndOfMessage) break;
                    }
                }
            }
            """);
        test.FixedCode = """
            using System;
            using System.IO;
            using System.Threading.Tasks;

            class Receiver
            {
                async Task ReceiveAsync(System.Net.WebSockets.WebSocket ws)
                {
                    const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
                    var buffer = new byte[4096];
                    using var message = new MemoryStream();
                    while (true)
                    {
                        var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                        message.Write(buffer, 0, result.Count);
                        if (message.Length > MaxMessageBytes)
                        {
                            await ws.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig, "Message too big", default);
                            return;
                        }

                        if (result.EndOfMessage) break;
                    }
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task WritesTheCloseStatusInFullWhereItsShortNameMeansAProperty()
    {
        const string Property = "class Receiver\n{\n    string WebSocketCloseStatus => \"closed\";\n\n";
        var test = Verifier.Create(InMethod(MemoryStreamLoop).Replace("class Receiver\n{\n", Property));
        test.FixedCode = InMethod(CheckedMemoryStreamLoop("System.Net.WebSockets.WebSocketCloseStatus")).Replace("class Receiver\n{\n", Property);
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixWhereTheFunctionMustReturnAValue() => NoFixAsync(InMethod(
        """
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            [|message.Write(buffer, 0, result.Count)|];
        }
        while (!result.EndOfMessage);
        return message.ToArray();
        """,
        returns: "Task<byte[]>"));

    [Fact]
    public Task OffersNoFixForStoresWithoutASize() => NoFixAsync(InMethod(
        """
        while (true)
        {
            var result = await ws.ReceiveAsync(pipe.GetMemory(4096), ct);
            [|pipe.Advance(result.Count)|];
            if (result.EndOfMessage) await pipe.FlushAsync(ct);
        }
        """,
        parameters: "WebSocket ws, PipeWriter pipe, CancellationToken ct"));

    private const string MemoryStreamLoop = """
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            [|message.Write(buffer, 0, result.Count)|];
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(message.ToArray()));
        """;

    /// <summary>The loop above as the fix leaves it, the close status named as given.</summary>
    private static string CheckedMemoryStreamLoop(string closeStatus) => $$"""
        const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                await ws.CloseAsync({{closeStatus}}.MessageTooBig, "Message too big", ct);
                return;
            }
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(message.ToArray()));
        """;

    private static Task NoFixAsync(string source)
    {
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }
}
