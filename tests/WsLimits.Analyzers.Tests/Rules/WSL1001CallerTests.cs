using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedSingleFrameSendAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedSingleFrameSendCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL1001 where the size is decided elsewhere: by the callers of a helper, behind a wrapper, in another file.</summary>
public sealed class WSL1001CallerTests
{
    private const string DefaultFrameLimit = "the default frame limit (wslimits.max_frame_bytes) allows frames of at most 65536 bytes";

    private const string TickerFeed = Usings + """
        public sealed class TickerFeed
        {
            private readonly ClientWebSocket _socket = new();

            public Task SubscribeAsync(CancellationToken ct) => SendCommandAsync("SUBSCRIBE ticker", ct);

            public Task PingAsync(CancellationToken ct) => SendCommandAsync("PING", ct);

            private Task SendCommandAsync(string command, CancellationToken ct) =>
                _socket.SendAsync({|#0:Encoding.UTF8.GetBytes(command)|}, WebSocketMessageType.Text, true, ct);
        }
        """;

    [Fact]
    public Task QuietOnAPrivateHelperCalledOnlyWithShortCommands() => Verifier.ProjectAsync(new[] { TickerFeed });

    [Fact]
    public Task FlagsAPrivateHelperOneOfWhoseCallersSendsASerializedReport() => Verifier.ProjectAsync(
        new[] { TickerFeed.Replace("public Task PingAsync(CancellationToken ct) => SendCommandAsync(\"PING\", ct);", "public Task ReportAsync(object report, CancellationToken ct) => SendCommandAsync(JsonSerializer.Serialize(report), ct);") },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize in 'TickerFeed.ReportAsync'", "frame", DefaultFrameLimit));

    [Fact]
    public Task FlagsAPublicMethodThatSendsAnyCallersTextInOneFrame() => Verifier.ProjectAsync(
        new[] { TickerFeed.Replace("private Task SendCommandAsync", "public Task SendCommandAsync") },
        Verifier.Diagnostic().WithLocation(0).WithArguments("the 'command' parameter of the public 'TickerFeed.SendCommandAsync'", "frame", DefaultFrameLimit));

    /// <summary>Calls are looked for by their argument count; one that leaves an optional parameter out still counts.</summary>
    [Fact]
    public Task FindsACallerThatLeavesAnOptionalParameterOut() => Verifier.ProjectAsync(
        new[]
        {
            TickerFeed
                .Replace("private Task SendCommandAsync(string command, CancellationToken ct)", "private Task SendCommandAsync(string command, CancellationToken ct = default)")
                .Replace("public Task PingAsync(CancellationToken ct) => SendCommandAsync(\"PING\", ct);", "public Task ReportAsync(object report) => SendCommandAsync(JsonSerializer.Serialize(report));"),
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize in 'TickerFeed.ReportAsync'", "frame", DefaultFrameLimit));

    /// <summary>An extension method called on its receiver has one argument fewer than it has parameters.</summary>
    [Fact]
    public Task FindsACallerOfAnExtensionMethodOnItsReceiver() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
                internal static class CommandSocket
                {
                    public static Task SendCommandAsync(this WebSocket socket, string command, CancellationToken ct) =>
                        socket.SendAsync({|#0:Encoding.UTF8.GetBytes(command)|}, WebSocketMessageType.Text, true, ct);
                }

                public sealed class TickerFeed
                {
                    private readonly ClientWebSocket _socket = new();

                    public Task SubscribeAsync(CancellationToken ct) => _socket.SendCommandAsync("SUBSCRIBE ticker", ct);

                    public Task ReportAsync(object report, CancellationToken ct) => _socket.SendCommandAsync(JsonSerializer.Serialize(report), ct);
                }
                """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize in 'TickerFeed.ReportAsync'", "frame", DefaultFrameLimit));

    private const string GatewayTransport = Usings + """
        internal class GatewayTransport
        {
            private readonly ClientWebSocket _socket = new();

            public Task WriteAsync(byte[] payload, CancellationToken ct) =>
                _socket.SendAsync({|#0:new ArraySegment<byte>(payload)|}, WebSocketMessageType.Text, true, ct);
        }

        internal sealed class CompressedTransport : GatewayTransport
        {
        }

        internal sealed class Connection
        {
            public CompressedTransport Transport { get; } = new();
        }
        """;

    /// <summary>
    /// Calls of the helper's name on a receiver declared as another type (a channel, a stream) are passed over unbound;
    /// those on a field or a member chain of the helper's type, or a type derived from it, are followed.
    /// </summary>
    [Theory]
    [InlineData("this._transport")]
    [InlineData("_connection.Transport")]
    [InlineData("Self._transport")]
    public Task FollowsCallersThroughTheHelpersTypeAmongSameNamedCallsOnOthers(string receiver) => Verifier.ProjectAsync(
        new[]
        {
            GatewayTransport,
            Usings + "using System.Threading.Channels;\n" + $$"""
                public sealed class GatewayClient
                {
                    private GatewayClient Self => this;

                    private readonly CompressedTransport _transport = new();
                    private readonly Connection _connection = new();
                    private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>();
                    private readonly Stream _log = Stream.Null;

                    public async Task HeartbeatAsync(CancellationToken ct) => await _transport.WriteAsync(Encoding.UTF8.GetBytes("{\"op\":1}"), ct);

                    public async Task QueueAsync(byte[] payload, CancellationToken ct)
                    {
                        await _outbox.Writer.WriteAsync(payload, ct);
                        await _log.WriteAsync(payload, ct);
                    }

                    public async Task ResumeAsync(object session, CancellationToken ct) =>
                        await {{receiver}}.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(session)), ct);
                }
                """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize in 'GatewayClient.ResumeAsync'", "frame", DefaultFrameLimit));

    [Fact]
    public Task JudgesAPublicMethodByItsVisibleCallersWhenTheProjectAsks()
    {
        var test = Verifier.Create(TickerFeed.Replace("private Task SendCommandAsync", "public Task SendCommandAsync"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nwslimits.public_callers = visible\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task ReadsVisibleCallersFromTheSectionOfTheProjectsFiles() => Verifier.Create(
        TickerFeed.Replace("private Task SendCommandAsync", "public Task SendCommandAsync"),
        editorConfig: "wslimits.public_callers = visible").RunAsync();

    /// <summary>No other assembly calls a test project's public test doubles, unless its configuration says otherwise.</summary>
    [Theory]
    [InlineData(null, false)]
    [InlineData("wslimits.public_callers = any", true)]
    public Task JudgesATestProjectsPublicMethodsByTheirVisibleCallers(string? editorConfig, bool flagged)
    {
        var test = Verifier.Create(TickerFeed.Replace("private Task SendCommandAsync", "public Task SendCommandAsync"), editorConfig: editorConfig);
        test.TestState.AdditionalReferences.Add(TestFramework.Value);
        if (flagged)
        {
            test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("the 'command' parameter of the public 'TickerFeed.SendCommandAsync'", "frame", DefaultFrameLimit));
        }

        return test.RunAsync();
    }

    /// <summary>An assembly named as xUnit's, which is all that tells a test project.</summary>
    private static readonly Lazy<MetadataReference> TestFramework = new(() => CSharpCompilation
        .Create("xunit.core", new[] { CSharpSyntaxTree.ParseText("namespace Xunit { public sealed class FactAttribute : System.Attribute { } }") }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
        .ToMetadataReference());

    [Fact]
    public Task QuietOnAHelperWhoseCallersCannotAllBeSeen() => Verifier.ProjectAsync(new[]
    {
        TickerFeed.Replace("public Task PingAsync(CancellationToken ct) => SendCommandAsync(\"PING\", ct);", "public Func<string, CancellationToken, Task> Sender => SendCommandAsync;"),
    });

    [Fact]
    public Task FollowsTheValueThroughAnInternalConnectionInAnotherFile() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
            internal sealed class Connection
            {
                private readonly ClientWebSocket _socket = new();

                internal Task SendTextAsync(string text, CancellationToken ct) => SendFrameAsync(Encoding.UTF8.GetBytes(text), ct);

                private async Task SendFrameAsync(ArraySegment<byte> data, CancellationToken ct)
                {
                    await _socket.SendAsync({|#0:data|}, WebSocketMessageType.Text, true, ct);
                }
            }
            """,
            Usings + """
            public sealed class Session
            {
                private readonly Connection _connection = new();

                public Task PublishAsync(object evt, CancellationToken ct) => _connection.SendTextAsync(JsonSerializer.Serialize(evt), ct);

                internal Task HeartbeatAsync(CancellationToken ct) => _connection.SendTextAsync("{\"op\":1}", ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize in 'Session.PublishAsync'", "frame", DefaultFrameLimit));

    private const string FrameSocket = Usings + """
        public interface IFrameSocket
        {
            Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType type, bool endOfMessage, CancellationToken ct);
        }

        public sealed class FrameSocket : IFrameSocket
        {
            private readonly ClientWebSocket _socket = new();

            public Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType type, bool endOfMessage, CancellationToken ct) =>
                _socket.SendAsync(buffer, type, endOfMessage, ct);
        }
        """;

    [Fact]
    public Task JudgesAPassThroughWrapperAtItsCallers() => Verifier.ProjectAsync(
        new[]
        {
            FrameSocket,
            Usings + """
            public sealed class Publisher
            {
                private readonly IFrameSocket _socket;

                public Publisher(IFrameSocket socket) => _socket = socket;

                public Task PublishAsync(object message, CancellationToken ct) =>
                    _socket.SendAsync({|#0:new ArraySegment<byte>(JsonSerializer.SerializeToUtf8Bytes(message))|}, WebSocketMessageType.Text, true, ct);

                internal Task PingAsync(CancellationToken ct) =>
                    _socket.SendAsync(new ArraySegment<byte>(new byte[] { 0x9 }), WebSocketMessageType.Binary, true, ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes, sent through 'IFrameSocket.SendAsync',", "frame", DefaultFrameLimit));

    /// <summary>A wrapper is found by what it does, not by its name, two methods deep.</summary>
    [Fact]
    public Task JudgesTheCallersOfAPassThroughWhateverItIsCalled() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
            internal sealed class FeedConnection
            {
                private readonly ClientWebSocket _socket = new();

                internal Task WriteFrameAsync(ReadOnlyMemory<byte> data, bool last, CancellationToken ct) =>
                    _socket.SendAsync(data, WebSocketMessageType.Text, last, ct).AsTask();

                internal Task PushAsync(byte[] data, bool final, CancellationToken ct) => WriteFrameAsync(data, final, ct);
            }
            """,
            Usings + """
            public sealed class Feed
            {
                private readonly FeedConnection _connection = new();

                public Task PublishAsync(object update, CancellationToken ct) =>
                    _connection.PushAsync({|#0:JsonSerializer.SerializeToUtf8Bytes(update)|}, true, ct);

                public Task PingAsync(CancellationToken ct) => _connection.WriteFrameAsync(new byte[] { 0x9 }, true, ct);
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes, sent through 'FeedConnection.PushAsync',", "frame", DefaultFrameLimit));

    [Fact]
    public Task QuietOnAPassThroughWrapperNobodyInTheProjectCalls() => Verifier.ProjectAsync(new[] { FrameSocket });

    [Fact]
    public Task QuietOnAFrameTheCodeMarksAsNotTheLast() => Verifier.AnalyzerAsync(InMethod("""
        var header = JsonSerializer.SerializeToUtf8Bytes(message);
        await ws.SendAsync(new ArraySegment<byte>(header), WebSocketMessageType.Binary, false, ct);
        await ws.SendAsync(new ArraySegment<byte>(new byte[] { 0 }), WebSocketMessageType.Binary, true, ct);
        """));

    [Fact]
    public Task QuietOnATextOfKnownLength() => Verifier.AnalyzerAsync(InMethod("""
        var filler = "{\"pad\":\"" + new string('x', 512) + "\"}";
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(filler)), WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietOnATextTheAnalysisCannotSize() => Verifier.AnalyzerAsync(InMethod("""
        var reply = Console.ReadLine() ?? string.Empty;
        await ws.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(reply)), WebSocketMessageType.Text, true, ct);
        """));

    [Fact]
    public Task QuietWhenTheSerializedTypeDoesNotResolve() => Verifier.AnalyzerAsync(
        InMethod("""
            var request = new {|#0:SubscribeRequest|} { Topic = "weather" };
            await ws.SendAsync(new ArraySegment<byte>(JsonSerializer.SerializeToUtf8Bytes(request)), WebSocketMessageType.Text, true, ct);
            """),
        expected: DiagnosticResult.CompilerError("CS0246").WithLocation(0).WithArguments("SubscribeRequest"));

    private const string Envelopes = Usings + """
        internal static class Envelopes
        {
            internal static string ToJson(this object value) => JsonSerializer.Serialize(value);

            internal static string Heartbeat()
            {
                return "{\"op\":1}";
            }
        }
        """;

    [Fact]
    public Task FlagsWhatAProjectsOwnSerializerReturns() => Verifier.ProjectAsync(
        new[]
        {
            Envelopes,
            Usings + """
            public sealed class Bus
            {
                private readonly ClientWebSocket _socket = new();

                public Task PublishAsync(object evt, CancellationToken ct)
                {
                    var json = evt.ToJson();
                    return _socket.SendAsync({|#0:Encoding.UTF8.GetBytes(json)|}, WebSocketMessageType.Text, true, ct);
                }
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.Serialize of the 'evt' parameter of the public 'Bus.PublishAsync'", "frame", DefaultFrameLimit));

    [Fact]
    public Task QuietOnAnInternalSerializingHelperWhoseCallersPassTheirOwnObjects() => Verifier.ProjectAsync(new[]
    {
        Envelopes,
        Usings + """
        internal sealed record Handshake(string Channel, int Version);

        internal sealed class Bus
        {
            private readonly ClientWebSocket _socket = new();

            internal Task HelloAsync(CancellationToken ct) => SendAsync(new Handshake("/meta/handshake", 1), ct);

            private Task SendAsync<T>(T message, CancellationToken ct) =>
                _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, ct);
        }
        """,
    });

    [Fact]
    public Task QuietOnWhatAProjectsOwnMethodReturnsWhenItIsShort() => Verifier.ProjectAsync(new[]
    {
        Envelopes,
        Usings + """
        internal sealed class Bus
        {
            private readonly ClientWebSocket _socket = new();

            internal Task BeatAsync(CancellationToken ct) =>
                _socket.SendAsync(Encoding.UTF8.GetBytes(Envelopes.Heartbeat()), WebSocketMessageType.Text, true, ct);
        }
        """,
    });

    [Fact]
    public Task FlagsABroadcastOfAnObjectReadFromAPeersMessage() => Verifier.ProjectAsync(
        new[]
        {
            Usings + """
            internal sealed record Note(string Author, string Text);

            internal sealed class Room
            {
                private readonly WebSocket[] _members = Array.Empty<WebSocket>();

                internal async Task OnMessageAsync(byte[] message, CancellationToken ct)
                {
                    if (JsonSerializer.Deserialize<Note>(message) is { } note)
                    {
                        await BroadcastAsync(note, ct);
                    }
                }

                private async Task BroadcastAsync(Note note, CancellationToken ct)
                {
                    var payload = JsonSerializer.SerializeToUtf8Bytes(note);
                    foreach (var member in _members)
                    {
                        await member.SendAsync({|#0:payload.AsMemory()|}, WebSocketMessageType.Text, true, ct);
                    }
                }
            }
            """,
        },
        Verifier.Diagnostic().WithLocation(0).WithArguments("JsonSerializer.SerializeToUtf8Bytes of an object read by JsonSerializer.Deserialize in 'Room.OnMessageAsync'", "frame", DefaultFrameLimit));
}
