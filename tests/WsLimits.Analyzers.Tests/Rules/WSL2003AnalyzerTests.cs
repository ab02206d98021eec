using System.Threading.Tasks;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.TextDecodedPerFragmentAnalyzer, WsLimits.Analyzers.CodeFixes.TextDecodedPerFragmentCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2003AnalyzerTests
{
    [Fact]
    public Task FlagsUtf8DecodedPerFragmentIntoAStringBuilder() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                text.Append({|#0:Encoding.UTF8.GetString(buffer, 0, result.Count)|});
            }
            while (!result.EndOfMessage);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("Encoding.UTF8.GetString"));

    [Fact]
    public Task FlagsStringConcatenationPerFragment() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = string.Empty;
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
            message += [|Encoding.Unicode.GetString(buffer.AsSpan(0, result.Count))|];
            if (result.EndOfMessage) break;
        }
        """));

    [Fact]
    public Task FlagsADecodeThatReachesTheBuilderThroughALocal() => Verifier.AnalyzerAsync(
        InMethod("""
            var buffer = new byte[1024];
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var piece = {|#0:Encoding.UTF8.GetString(buffer, 0, result.Count)|};
                reply.Append(piece);
            }
            while (!result.EndOfMessage);
            """),
        expected: Verifier.Diagnostic().WithLocation(0).WithArguments("Encoding.UTF8.GetString"));

    [Fact]
    public Task FlagsADecodeTwoLocalsAwayFromTheAppendOnce() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[1024];
        var reply = new StringBuilder();
        var copy = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var raw = [|Encoding.UTF8.GetString(buffer, 0, result.Count)|];
            var line = raw.TrimEnd('\0');
            reply.Append(line);
            copy.Append(line);
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietWhenTheWholeMessageIsDecodedOnce() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(message.ToArray()));
        """));

    [Fact]
    public Task QuietWithOneDecoderAcrossFragments() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        var decoder = Encoding.UTF8.GetDecoder();
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var count = decoder.GetChars(buffer, 0, result.Count, chars, 0, result.EndOfMessage);
            text.Append(chars, 0, count);
        }
        while (!result.EndOfMessage);
        """));

    [Fact]
    public Task QuietWhenADecodedLocalIsNotAppended() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            var preview = Encoding.UTF8.GetString(buffer, 0, Math.Min(result.Count, 16));
            Console.WriteLine(preview);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        Handle(Encoding.UTF8.GetString(message.ToArray()));
        """));

    [Fact]
    public Task QuietForSingleByteEncodings() => Verifier.AnalyzerAsync(InMethod("""
        var buffer = new byte[4096];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
            text.Append(Encoding.ASCII.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        """));
}
