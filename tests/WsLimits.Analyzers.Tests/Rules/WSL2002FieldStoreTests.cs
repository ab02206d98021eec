using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.WSL1001Sources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.UnboundedReassemblyAnalyzer, WsLimits.Analyzers.CodeFixes.UnboundedReassemblyCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>WSL2002 where the message grows in a field: appended in the loop, or in a method of the project the loop calls.</summary>
public sealed class WSL2002FieldStoreTests
{
    /// <summary>A client that keeps the message being read in a field and appends each fragment through a helper.</summary>
    private const string ChunkedClient = Usings + """
        using System.Collections.Generic;

        public sealed class ChunkedClient
        {
            private readonly ClientWebSocket _socket = new();
            private readonly MemoryStream _pending = new();

            public async Task ReadAsync(CancellationToken ct)
            {
                var buffer = new byte[4096];
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    /*append*/{|#0:AppendChunk(buffer, result.Count)|};
                    if (result.EndOfMessage)
                    {
                        Dispatch(_pending.ToArray());
                        _pending.SetLength(0);
                    }
                }
            }

            private void AppendChunk(byte[] data, int count)
            {
                /*write*/_pending.Write(data, 0, count);
            }

            private void Dispatch(byte[] message) { }
        }
        """;

    [Fact]
    public Task FlagsAFragmentAppendedToAFieldByAMethodTheLoopCallsThoughResetPerMessage() => Verifier.AnalyzerAsync(
        ChunkedClient,
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("ChunkedClient._pending", 1048576));

    [Fact]
    public Task OffersNoFixWhereTheAppendIsInAnotherMethod()
    {
        var test = Verifier.Create(ChunkedClient);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments("ChunkedClient._pending", 1048576));
        test.FixedCode = ChunkedClient;
        return test.RunAsync();
    }

    [Fact]
    public Task QuietWhenTheCalledMethodCapsTheField() => Verifier.AnalyzerAsync(Quiet(ChunkedClient).Replace("/*write*/", """
        if (_pending.Length + count > 1_048_576)
                {
                    throw new InvalidDataException("message too big");
                }

                
        """));

    [Fact]
    public Task QuietWhenTheLoopChecksTheFieldAfterTheCall() => Verifier.AnalyzerAsync(Quiet(ChunkedClient).Replace("/*append*/AppendChunk(buffer, result.Count);", """
        AppendChunk(buffer, result.Count);
                    if (_pending.Length > 1_048_576)
                    {
                        await _socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                        return;
                    }
        """));

    [Fact]
    public Task QuietWhenAHelperOfTheTypeChecksTheField() => Verifier.AnalyzerAsync(Quiet(ChunkedClient)
        .Replace("/*write*/_pending.Write(data, 0, count);", "_pending.Write(data, 0, count);\n        EnsureUnderLimit();")
        .Replace("private void Dispatch", """
            private void EnsureUnderLimit()
                {
                    if (_pending.Length > 1_048_576) throw new InvalidDataException("message too big");
                }

                private void Dispatch
            """));

    [Fact]
    public Task QuietWhenTheMethodReplacesTheStoreOnEveryCall() => Verifier.AnalyzerAsync(Quiet(ChunkedClient)
        .Replace("private readonly MemoryStream _pending = new();", "private MemoryStream _pending = new();")
        .Replace("/*write*/", "_pending = new MemoryStream();\n        "));

    [Fact]
    public Task QuietWhenTheCalledMethodIsNotInTheCompilation() => Verifier.AnalyzerAsync(Quiet(ChunkedClient)
        .Replace("/*append*/AppendChunk(buffer, result.Count);", "Console.OpenStandardOutput().Write(buffer, 0, result.Count);"));

    [Fact]
    public Task QuietWhenTheCallIsMadeOnlyOnceTheMessageEnds() => Verifier.AnalyzerAsync(Quiet(ChunkedClient)
        .Replace("/*append*/AppendChunk(buffer, result.Count);", "if (result.EndOfMessage && result.MessageType == WebSocketMessageType.Text) AppendChunk(buffer, result.Count);"));

    /// <summary>An assembler object held in a field, whose Add hands the fragment to a private method that keeps it.</summary>
    private const string AssemblerReader = Usings + """
        using System.Collections.Generic;

        public sealed class MessageAssembler
        {
            private readonly List<byte> _bytes = new();

            public void Add(ArraySegment<byte> fragment) => Keep(fragment);

            public byte[] Take()
            {
                var message = _bytes.ToArray();
                _bytes.Clear();
                return message;
            }

            private void Keep(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);
        }

        public sealed class AssemblingReader
        {
            private readonly MessageAssembler _assembler = new();

            public async Task<byte[]> ReadAsync(WebSocket socket, CancellationToken ct)
            {
                var buffer = new byte[8192];
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), ct);
                    var segment = new ArraySegment<byte>(buffer, 0, result.Count);
                    {|#0:_assembler.Add(segment)|};
                }
                while (!result.EndOfMessage);

                return _assembler.Take();
            }
        }
        """;

    [Fact]
    public Task FlagsAFragmentHandedToAnAssemblerThatKeepsItTwoCallsDeep() => Verifier.AnalyzerAsync(
        AssemblerReader,
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("MessageAssembler._bytes", 1048576));

    [Fact]
    public Task FlagsAFragmentKeptThreeCallsDeep() => Verifier.AnalyzerAsync(
        AssemblerReader.Replace(
            "private void Keep(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);",
            "private void Keep(ArraySegment<byte> fragment) => Store(fragment);\n\n    private void Store(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("MessageAssembler._bytes", 1048576));

    [Fact]
    public Task QuietWhenTheFragmentIsKeptFourCallsDeep() => Verifier.AnalyzerAsync(Quiet(AssemblerReader).Replace(
        "private void Keep(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);",
        "private void Keep(ArraySegment<byte> fragment) => Store(fragment);\n\n    private void Store(ArraySegment<byte> fragment) => Append(fragment);\n\n    private void Append(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);"));

    [Fact]
    public Task QuietWhenTheAssemblerCapsItsStore() => Verifier.AnalyzerAsync(Quiet(AssemblerReader).Replace(
        "private void Keep(ArraySegment<byte> fragment) => _bytes.AddRange(fragment);",
        """
        private void Keep(ArraySegment<byte> fragment)
            {
                if (_bytes.Count + fragment.Count > 65536) throw new InvalidDataException("message too big");
                _bytes.AddRange(fragment);
            }
        """));

    [Fact]
    public Task QuietWhenTheLoopChecksTheAssembler() => Verifier.AnalyzerAsync(Quiet(AssemblerReader)
        .Replace("public byte[] Take()", "public int Count => _bytes.Count;\n\n    public byte[] Take()")
        .Replace("_assembler.Add(segment);", "_assembler.Add(segment);\n            if (_assembler.Count > 65536) throw new InvalidDataException(\"message too big\");"));

    [Fact]
    public Task QuietWhenTheAssemblerLivesForOneFragment() => Verifier.AnalyzerAsync(Quiet(AssemblerReader)
        .Replace("_assembler.Add(segment);", "var assembler = new MessageAssembler();\n            assembler.Add(segment);"));

    [Fact]
    public Task FlagsAnAssemblerInALocalThatOutlivesTheLoop() => Verifier.AnalyzerAsync(
        AssemblerReader
            .Replace("ValueWebSocketReceiveResult result;", "var assembler = new MessageAssembler();\n        ValueWebSocketReceiveResult result;")
            .Replace("{|#0:_assembler.Add(segment)|};", "{|#0:assembler.Add(segment)|};"),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("MessageAssembler._bytes", 1048576));

    [Fact]
    public Task QuietWhenTheCallHasSeveralImplementations() => Verifier.AnalyzerAsync(Quiet(AssemblerReader)
        .Replace("public sealed class MessageAssembler", "public interface IAssembler { void Add(ArraySegment<byte> fragment); }\n\npublic sealed class OtherAssembler : IAssembler\n{\n    public void Add(ArraySegment<byte> fragment) { }\n}\n\npublic sealed class MessageAssembler : IAssembler")
        .Replace("private readonly MessageAssembler _assembler = new();", "private readonly IAssembler _assembler = new MessageAssembler();")
        .Replace("return _assembler.Take();", "return Array.Empty<byte>();"));

    [Fact]
    public Task QuietWhenOnlyOtherDataIsHandedToTheMethod() => Verifier.AnalyzerAsync(Quiet(AssemblerReader)
        .Replace("_assembler.Add(segment);", "_assembler.Add(new ArraySegment<byte>(Encoding.UTF8.GetBytes(\"fragment\")));"));

    /// <summary>The received fragment appended straight to a field in the loop.</summary>
    private const string FieldStoreReader = Usings + """
        public sealed class FieldStoreReader
        {
            private readonly MemoryStream _message = new();

            public async Task ReadAsync(WebSocket socket, CancellationToken ct)
            {
                var buffer = new byte[4096];
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    {|#0:_message.Write(buffer, 0, result.Count)|};
                }
                while (!result.EndOfMessage);

                Handle(_message.ToArray());
                _message.SetLength(0);
            }

            /*helpers*/private void Handle(byte[] message) { }
        }
        """;

    [Fact]
    public Task FlagsAFieldStoreAppendedInTheLoop() => Verifier.AnalyzerAsync(
        FieldStoreReader,
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("_message", 1048576));

    [Fact]
    public Task QuietWhenAHelperTheLoopCallsCapsTheFieldStore() => Verifier.AnalyzerAsync(Quiet(FieldStoreReader)
        .Replace("_message.Write(buffer, 0, result.Count);", "_message.Write(buffer, 0, result.Count);\n            ThrowIfTooLarge();")
        .Replace("/*helpers*/", "private void ThrowIfTooLarge()\n    {\n        if (_message.Length > 65536) throw new InvalidDataException(\"message too big\");\n    }\n\n    "));

    [Fact]
    public Task FixesAFieldStoreAppendedInTheLoop()
    {
        var test = Verifier.Create(FieldStoreReader.Replace("{|#0:_message.Write(buffer, 0, result.Count)|}", "[|_message.Write(buffer, 0, result.Count)|]"));
        test.FixedCode = Quiet(FieldStoreReader).Replace("_message.Write(buffer, 0, result.Count);", """
            _message.Write(buffer, 0, result.Count);
                        if (_message.Length > MaxMessageBytes)
                        {
                            await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", ct);
                            return;
                        }
            """).Replace("        var buffer = new byte[4096];", "        const int MaxMessageBytes = 1_048_576; // wslimits.max_receive_message_bytes\n        var buffer = new byte[4096];");
        return test.RunAsync();
    }

    /// <summary>The source without its diagnostic markup.</summary>
    private static string Quiet(string source) => source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
}
