using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static WsLimits.Analyzers.Tests.Rules.ReceiveSources;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.TextDecodedPerFragmentAnalyzer, WsLimits.Analyzers.CodeFixes.TextDecodedPerFragmentCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL2003CodeFixTests
{
    [Fact]
    public Task DecodesWithOneDecoderDeclaredBeforeTheLoop()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                text.Append([|Encoding.UTF8.GetString(buffer, 0, result.Count)|]);
            }
            while (!result.EndOfMessage);
            Handle(text.ToString());
            """));
        test.FixedCode = InMethod("""
            var buffer = new byte[4096];
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            var decoder = Encoding.UTF8.GetDecoder();
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var chars = new char[decoder.GetCharCount(buffer, 0, result.Count, result.EndOfMessage)];
                decoder.GetChars(buffer, 0, result.Count, chars, 0, result.EndOfMessage);
                text.Append(chars);
            }
            while (!result.EndOfMessage);
            Handle(text.ToString());
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task BuildsAStringWhenTheTextIsConcatenated()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var message = "";
            while (true)
            {
                var received = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                message += [|Encoding.UTF8.GetString(buffer, 0, received.Count)|];
                if (received.EndOfMessage) break;
            }
            """));
        test.FixedCode = InMethod("""
            var buffer = new byte[4096];
            var message = "";
            var decoder = Encoding.UTF8.GetDecoder();
            while (true)
            {
                var received = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var chars = new char[decoder.GetCharCount(buffer, 0, received.Count, received.EndOfMessage)];
                decoder.GetChars(buffer, 0, received.Count, chars, 0, received.EndOfMessage);
                message += new string(chars);
                if (received.EndOfMessage) break;
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task KeepsALocalThatHoldsTheDecodedTextAString()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[1024];
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var piece = [|Encoding.UTF8.GetString(buffer, 0, result.Count)|];
                reply.Append(piece);
            }
            while (!result.EndOfMessage);
            """));
        test.FixedCode = InMethod("""
            var buffer = new byte[1024];
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            var decoder = Encoding.UTF8.GetDecoder();
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var chars = new char[decoder.GetCharCount(buffer, 0, result.Count, result.EndOfMessage)];
                decoder.GetChars(buffer, 0, result.Count, chars, 0, result.EndOfMessage);
                var piece = new string(chars);
                reply.Append(piece);
            }
            while (!result.EndOfMessage);
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task BuildsAStringWhenTheTextIsPassedOnBeforeTheAppend()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[1024];
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                reply.Append([|Encoding.UTF8.GetString(buffer, 0, result.Count)|].TrimEnd('\0'));
            }
            while (!result.EndOfMessage);
            """));
        test.FixedCode = InMethod("""
            var buffer = new byte[1024];
            var reply = new StringBuilder();
            WebSocketReceiveResult result;
            var decoder = Encoding.UTF8.GetDecoder();
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var chars = new char[decoder.GetCharCount(buffer, 0, result.Count, result.EndOfMessage)];
                decoder.GetChars(buffer, 0, result.Count, chars, 0, result.EndOfMessage);
                reply.Append(new string(chars).TrimEnd('\0'));
            }
            while (!result.EndOfMessage);
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllLeavesALoopWhereTheDecoderNameIsTaken()
    {
        var test = Verifier.Create(InMethod("""
            var buffer = new byte[4096];
            var first = new StringBuilder();
            var second = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                first.Append([|Encoding.UTF8.GetString(buffer, 0, result.Count)|]);
            }
            while (!result.EndOfMessage);

            if (first.Length > 0)
            {
                WebSocketReceiveResult next;
                do
                {
                    next = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    second.Append([|Encoding.UTF8.GetString(buffer, 0, next.Count)|]);
                }
                while (!next.EndOfMessage);
            }
            """));
        test.FixedCode = InMethod("""
            var buffer = new byte[4096];
            var first = new StringBuilder();
            var second = new StringBuilder();
            WebSocketReceiveResult result;
            var decoder = Encoding.UTF8.GetDecoder();
            do
            {
                result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                var chars = new char[decoder.GetCharCount(buffer, 0, result.Count, result.EndOfMessage)];
                decoder.GetChars(buffer, 0, result.Count, chars, 0, result.EndOfMessage);
                first.Append(chars);
            }
            while (!result.EndOfMessage);

            if (first.Length > 0)
            {
                WebSocketReceiveResult next;
                do
                {
                    next = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    second.Append([|Encoding.UTF8.GetString(buffer, 0, next.Count)|]);
                }
                while (!next.EndOfMessage);
            }
            """);
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task OffersNoFixForSpanDecodes()
    {
        var source = InMethod("""
            var buffer = new byte[4096];
            var message = string.Empty;
            while (true)
            {
                var result = await ws.ReceiveAsync(buffer.AsMemory(), ct);
                message += [|Encoding.Unicode.GetString(buffer.AsSpan(0, result.Count))|];
                if (result.EndOfMessage) break;
            }
            """);
        var test = Verifier.Create(source);
        test.FixedCode = source;
        return test.RunAsync();
    }
}
