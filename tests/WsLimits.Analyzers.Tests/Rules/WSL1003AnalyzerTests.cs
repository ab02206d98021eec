using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.FragmentedSendWithoutExclusiveAccessAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL1003AnalyzerTests
{
    private const string Fragments = """
                for (var offset = 0; offset < data.Length; offset += 4096)
                {
                    var count = Math.Min(4096, data.Length - offset);
                    await {|#0:_socket.SendAsync(new ArraySegment<byte>(data, offset, count), WebSocketMessageType.Binary, offset + count == data.Length, ct)|};
                }
        """;

    private const string NotifyMethod = """
            public Task NotifyAsync(CancellationToken ct) =>
                _socket.SendAsync(new ArraySegment<byte>(new byte[] { 1 }), WebSocketMessageType.Text, true, ct);
        """;

    [Fact]
    public Task FlagsFragmentsOnAFieldAnotherMethodSendsOn() => Verifier.AnalyzerAsync(
        Connection(Sender("public", Fragments) + NotifyMethod),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("UploadAsync", "_socket"));

    [Fact]
    public Task FlagsFragmentsOnAPublicSocketProperty() => Verifier.AnalyzerAsync(
        Connection(Sender("public", Fragments.Replace("_socket", "Socket")), socket: "public WebSocket Socket { get; }"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("UploadAsync", "Socket"));

    [Fact]
    public Task FlagsFlagsWithoutEndOfMessageOncePerMethod() => Verifier.AnalyzerAsync(
        Connection(Sender("public", """
                    await {|#0:_socket.SendAsync(data.AsMemory(0, 10), WebSocketMessageType.Binary, WebSocketMessageFlags.None, ct)|};
                    await _socket.SendAsync(data.AsMemory(10, 10), WebSocketMessageType.Binary, WebSocketMessageFlags.None, ct);
                    await _socket.SendAsync(data.AsMemory(20), WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, ct);
            """) + NotifyMethod),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("UploadAsync", "_socket"));

    [Fact]
    public Task QuietWithASemaphoreAroundTheMessage() => Verifier.AnalyzerAsync(Connection(Sender("public", """
                await _sendLock.WaitAsync(ct);
                try
                {
        """ + Fragments.Replace("{|#0:", string.Empty).Replace(")|};", ");") + """

                }
                finally
                {
                    _sendLock.Release();
                }
        """) + NotifyMethod));

    [Fact]
    public Task QuietInAPrivateHelperOfATypeThatLocks() => Verifier.AnalyzerAsync(Connection("""
            public async Task SendAsync(byte[] data, CancellationToken ct)
            {
                await _sendLock.WaitAsync(ct);
                try
                {
                    await UploadAsync(data, ct);
                }
                finally
                {
                    _sendLock.Release();
                }
            }

        """ + Sender("private", Fragments.Replace("{|#0:", string.Empty).Replace(")|};", ");"))));

    [Fact]
    public Task QuietWhenNoOtherMethodUsesThePrivateSocket() => Verifier.AnalyzerAsync(
        Connection(Sender("public", Fragments.Replace("{|#0:", string.Empty).Replace(")|};", ");"))));

    [Fact]
    public Task QuietOnSocketsInLocalsAndParameters() => Verifier.AnalyzerAsync(InMethod("""
        await ws.SendAsync(new ArraySegment<byte>(new byte[16]), WebSocketMessageType.Binary, false, ct);
        await ws.SendAsync(new ArraySegment<byte>(new byte[16]), WebSocketMessageType.Binary, true, ct);
        using var client = new ClientWebSocket();
        await client.SendAsync(new ArraySegment<byte>(new byte[16]), WebSocketMessageType.Binary, false, ct);
        """));

    [Fact]
    public Task QuietOnWholeMessages() => Verifier.AnalyzerAsync(Connection(Sender("public", """
                await _socket.SendAsync(new ArraySegment<byte>(data), WebSocketMessageType.Binary, true, ct);
        """) + NotifyMethod));

    private static string Sender(string accessibility, string body) => $$"""
            {{accessibility}} async Task UploadAsync(byte[] data, CancellationToken ct)
            {
        {{body}}
            }

        """;

    private static string Connection(string members, string socket = "private readonly WebSocket _socket;") => Usings + $$"""
        class Connection
        {
            {{socket}}
            private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);

            public Connection(WebSocket socket) => {{(socket.Contains("Socket {") ? "Socket" : "_socket")}} = socket;

        {{members}}}
        """;
}
