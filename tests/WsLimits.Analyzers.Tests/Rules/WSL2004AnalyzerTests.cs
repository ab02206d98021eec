using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL2004Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.CloseDescriptionTooLongAnalyzer, WsLimits.Analyzers.CodeFixes.CloseDescriptionTooLongCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2004AnalyzerTests
{
    [Fact]
    public Task FlagsAConstantOneByteOverTheLimit() => Verifier.AnalyzerAsync(
        InMethod($$"""
            await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, {|#0:"{{TooLong}}"|}, ct);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("is 124 UTF-8 bytes", "CloseAsync"));

    [Fact]
    public Task CountsMultiByteCharactersInBytes()
    {
        // 62 two-byte characters: 62 chars, 124 bytes.
        var accented = new string('é', 62);
        return Verifier.AnalyzerAsync(
            InMethod($$"""
                await ws.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, {|#0:"{{accented}}"|}, ct);
                """),
            expected: Verifier.Diagnostic().WithLocation(0).WithArguments("is 124 UTF-8 bytes", "CloseOutputAsync"));
    }

    [Fact]
    public Task FlagsAConcatenationWhoseConstantPartsAloneAreTooLong() => Verifier.AnalyzerAsync(
        InMethod($$"""
            var code = Environment.GetEnvironmentVariable("CODE");
            await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, {|#0:"{{TooLong}}: " + code|}, ct);
            await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, {|#1:$"{{TooLong}} {code}"|}, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("is at least 126 UTF-8 bytes", "CloseAsync"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("is at least 125 UTF-8 bytes", "CloseAsync"));

    [Fact]
    public Task FlagsAConstantThroughALocalAndAConstField() => Verifier.AnalyzerAsync(
        InMethod(
            """
            var reason = Reason;
            await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, [|reason|], ct);
            await ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, [|Reason|], ct);
            """,
            members: $$"""
                private const string Reason = "{{TooLong}}";
            """));

    [Fact]
    public Task FlagsAnExceptionsMessageAndToString() => Verifier.AnalyzerAsync(
        InMethod("""
            try
            {
                await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, ct);
            }
            catch (JsonException ex)
            {
                await ws.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, {|#0:ex.Message|}, ct);
            }
            catch (Exception ex)
            {
                var reason = $"Error: {ex}";
                await ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, {|#1:reason|}, ct);
                await ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, {|#2:"Error: " + ex.ToString()|}, ct);
            }
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("comes from an exception's Message and can be any length", "CloseAsync"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("comes from an exception's ToString() and can be any length", "CloseOutputAsync"),
        Verifier.Diagnostic().WithLocation(2).WithArguments("comes from an exception's ToString() and can be any length", "CloseOutputAsync"));

    [Fact]
    public Task FlagsAPublicMembersStringParameterJoinedIntoALongerDescription() => Verifier.AnalyzerAsync(
        InMethod(
            "",
            members: """
                public Task RefuseAsync(WebSocket ws, string reason, CancellationToken ct) =>
                    ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, {|#0:"Refused: " + reason|}, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("comes from the 'reason' parameter of the public 'Endpoint.RefuseAsync' and can be any length", "CloseAsync"));

    [Fact]
    public Task QuietForAWrapperThatPassesItsCallersDescriptionOnUnchanged() => Verifier.AnalyzerAsync(
        InMethod(
            "",
            members: """
                private readonly ClientWebSocket _socket = new ClientWebSocket();

                public Task DisconnectAsync(int code = 1000, string message = "") =>
                    _socket.CloseOutputAsync((WebSocketCloseStatus)code, message, CancellationToken.None);

                public Task CloseAsync(WebSocketCloseStatus closeStatus, string statusDescription, CancellationToken cancellationToken) =>
                    new Handle(_socket).CloseAsync(closeStatus, statusDescription, cancellationToken);

                private readonly struct Handle
                {
                    private readonly WebSocket _inner;

                    public Handle(WebSocket inner) => _inner = inner;

                    public Task CloseAsync(WebSocketCloseStatus closeStatus, string statusDescription, CancellationToken cancellationToken) =>
                        _inner.CloseAsync(closeStatus, statusDescription, cancellationToken);
                }
            """));

    [Fact]
    public Task FlagsAPrivateHelperWhoseCallersAllPassADescriptionTooLong() => Verifier.AnalyzerAsync(
        InMethod(
            $$"""
            await RefuseAsync(ws, "{{TooLong}}", ct);
            """,
            members: """
                private static Task RefuseAsync(WebSocket ws, string reason, CancellationToken ct) =>
                    ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, {|#0:reason|}, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("is at least 124 UTF-8 bytes", "CloseAsync"));

    [Fact]
    public Task FlagsReceivedAndDeserializedText() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[4096];
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            var message = JsonSerializer.Deserialize<Message>(text);
            if (message is null)
            {
                await ws.CloseAsync(WebSocketCloseStatus.InvalidPayloadData, {|#0:"Not a message: " + text|}, ct);
                return;
            }

            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, {|#1:message.Text|}, ct);
            """),
        TargetFrameworks.Net80,
        Verifier.Diagnostic().WithLocation(0).WithArguments("comes from text decoded from a received message and can be any length", "CloseAsync"),
        Verifier.Diagnostic().WithLocation(1).WithArguments("comes from a string read by JsonSerializer.Deserialize and can be any length", "CloseAsync"));

    [Fact]
    public Task FlagsAStringReadByNewtonsoftJson() => Verifier.AnalyzerAsync(
        InMethod(
            """
            var message = Newtonsoft.Json.JsonConvert.DeserializeObject<Message>(json);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, [|message!.Text|], ct);
            """,
            parameters: "WebSocket ws, string json, CancellationToken ct"));

    [Fact]
    public Task FlagsStringJoinAndFormatWithAnUnboundedPart() => Verifier.AnalyzerAsync(
        InMethod("""
            try
            {
                await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, ct);
            }
            catch (Exception ex)
            {
                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, [|string.Join("; ", "failed", ex.Message)|], ct);
                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, [|string.Format("failed: {0}", ex.Message)|], ct);
            }
            """));

    [Fact]
    public Task FlagsClientWebSocketAndNamedArguments() => Verifier.AnalyzerAsync(
        InMethod(
            $$"""
            await client.CloseAsync(statusDescription: [|"{{TooLong}}"|], closeStatus: WebSocketCloseStatus.NormalClosure, cancellationToken: ct);
            """,
            parameters: "ClientWebSocket client, CancellationToken ct"));

    [Fact]
    public Task QuietForShortConstantsNullAndTheExactLimit() => Verifier.AnalyzerAsync(
        InMethod($$"""
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "", ct);
            await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
            await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "{{AtTheLimit}}", ct);
            await ws.CloseAsync(WebSocketCloseStatus.MessageTooBig, "{{new string('é', 61)}}x", ct);
            """));

    [Fact]
    public Task QuietForInterpolationsOfBoundedValues() => Verifier.AnalyzerAsync(
        InMethod("""
            var limit = 65536;
            var status = WebSocketCloseStatus.MessageTooBig;
            await ws.CloseAsync(status, $"Message over {limit} bytes ({status})", ct);
            await ws.CloseAsync(status, "Limit: " + limit, ct);
            """));

    [Fact]
    public Task QuietForTextCutToSize() => Verifier.AnalyzerAsync(
        InMethod("""
            try
            {
                await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, ct);
            }
            catch (Exception ex)
            {
                var reason = ex.Message;
                if (reason.Length > 100)
                {
                    reason = reason.Substring(0, 100);
                }

                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, reason, ct);
                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, ex.Message.Substring(0, Math.Min(ex.Message.Length, 40)), ct);
                await ws.CloseAsync(WebSocketCloseStatus.InternalServerError, ex.Message.Length > 40 ? "Internal error" : ex.Message, ct);
            }
            """));

    [Fact]
    public Task QuietWhereTheTextsSizeCannotBeKnown() => Verifier.AnalyzerAsync(
        InMethod(
            """
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, DescribeShutdown(), ct);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, "Shutting down: " + DescribeShutdown(), ct);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, ws.CloseStatusDescription, ct);
            await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Join(", ", "a", DescribeShutdown()), ct);
            """,
            members: """
                private static string DescribeShutdown() => Environment.GetEnvironmentVariable("SHUTDOWN_REASON") ?? "";
            """));

    [Fact]
    public Task QuietForTheMessageOfTheProjectsOwnExceptionType() => Verifier.AnalyzerAsync(
        InMethod(
            """
            try
            {
                throw new Violation("wrong magic");
            }
            catch (Violation violation)
            {
                await ws.CloseAsync(WebSocketCloseStatus.ProtocolError, violation.Message, ct);
            }
            """,
            members: """
                private sealed class Violation : Exception
                {
                    public Violation(string reason) : base(reason) { }
                }
            """));

    [Fact]
    public Task QuietForAPrivateHelpersParameterAndAnUnrelatedCloseAsync() => Verifier.AnalyzerAsync(
        InMethod(
            """
            await RefuseAsync(ws, "Policy", ct);
            await new Door().CloseAsync(WebSocketCloseStatus.NormalClosure, new string('x', 200), ct);
            """,
            members: """
                private static Task RefuseAsync(WebSocket ws, string reason, CancellationToken ct) =>
                    ws.CloseAsync(WebSocketCloseStatus.PolicyViolation, reason, ct);

                private sealed class Door
                {
                    public Task CloseAsync(WebSocketCloseStatus status, string statusDescription, CancellationToken ct) => Task.CompletedTask;
                }
            """));

    [Theory]
    [InlineData(TargetFrameworks.NetStandard20)]
    [InlineData(TargetFrameworks.NetStandard21)]
    [InlineData(TargetFrameworks.Net100)]
    public Task FlagsOnEveryReferenceAssemblySet(string targetFramework) => Verifier.AnalyzerAsync(
        WSL1001Sources.Usings + $$"""
        class Endpoint
        {
            Task CloseAsync(WebSocket ws, Exception error, CancellationToken ct) =>
                ws.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, [|error.Message|], ct);
        }
        """,
        targetFramework);
}
