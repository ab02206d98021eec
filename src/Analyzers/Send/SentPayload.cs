using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsLimits.Analyzers.Flow;
using WsLimits.Analyzers.Infrastructure;
using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.Send;

/// <summary>What the send rules know about one call that writes a frame: the call, its payload's size, the peer's limits.</summary>
internal sealed class SentPayload
{
    /// <summary>Diagnostic property: the peer's frame limit, when it has one.</summary>
    public const string MaxFrameBytesProperty = "MaxFrameBytes";

    /// <summary>Diagnostic property: the peer's message limit, when it has one; the fixes then split messages.</summary>
    public const string MaxMessageBytesProperty = "MaxMessageBytes";

    /// <summary>Diagnostic property present when a SendAsync call on the socket ends its message, the one shape the fixes rewrite.</summary>
    public const string EndsMessageProperty = "EndsMessage";

    /// <summary>
    /// The names of the stream writes that can write a frame, beside the sends and the project's wrappers of them: only
    /// where the compilation has WebSocketStream (.NET 10), and not those a wrapper already goes by.
    /// </summary>
    public static ImmutableArray<string> StreamWriteNames(WebSocketUse use) =>
        use.Types.WebSocketStream is null ? ImmutableArray<string>.Empty : StreamWrites.RemoveRange(use.SendCalls.Names);

    /// <summary>
    /// A write is a send only on a stream made by a WebSocketStream factory in the same method
    /// (<see cref="WebSocketStreamKind"/>), so only a file that names the type can hold one.
    /// </summary>
    public static readonly ImmutableArray<string> StreamWriteFileMention = ImmutableArray.Create("WebSocketStream");

    private static readonly ImmutableArray<string> StreamWrites = ImmutableArray.Create("WriteAsync", "Write");

    private SentPayload(WebSocketSendCall send, PayloadSize.PayloadSize size, LimitOptions limits)
    {
        Send = send;
        Size = size;
        Limits = limits;
    }

    public WebSocketSendCall Send { get; }

    public PayloadSize.PayloadSize Size { get; }

    public LimitOptions Limits { get; }

    /// <summary>The payload as written, without an argument name, so the squiggle covers the data alone.</summary>
    public Location Location => (Send.Payload.Syntax is ArgumentSyntax argument ? argument.Expression : Send.Payload.Syntax).GetLocation();

    /// <summary>What the code fixes need: the limits in force and whether the call can be rewritten.</summary>
    public ImmutableDictionary<string, string?> Properties
    {
        get
        {
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (Limits.FrameLimit is { } frame)
            {
                properties = properties.Add(MaxFrameBytesProperty, frame.Bytes.ToString(CultureInfo.InvariantCulture));
            }

            if (Limits.MessageLimit is { } message)
            {
                properties = properties.Add(MaxMessageBytesProperty, message.Bytes.ToString(CultureInfo.InvariantCulture));
            }

            return Send.IsSocketSend && Send.EndsMessage && !Send.IsWrapped ? properties.Add(EndsMessageProperty, "true") : properties;
        }
    }

    /// <summary>
    /// The send, unless it only passes its caller's payload and framing through: such a method is itself a send, and
    /// its callers are judged instead.
    /// </summary>
    public static SentPayload? TryCreate(IInvocationOperation invocation, WebSocketUse use, LimitOptionsCache options)
    {
        if (WebSocketSendCall.TryCreate(invocation, use) is not { } send
            || (send.ForwardsCallersFraming && use.Sends.ParameterBehind(send.Payload.Value) is not null))
        {
            return null;
        }

        var size = use.Sizes.Evaluate(send.Payload.Value);
        if (send.Count is { } count)
        {
            size = PayloadSize.PayloadSize.Smaller(size, use.Sizes.Evaluate(count.Value));
        }

        return new SentPayload(send, size, options.For(invocation.Syntax.SyntaxTree));
    }
}
