using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>The one place descriptors are made, so every rule links to its own doc page.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/WsLimits/WsLimits.Analyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor UnboundedSingleFrameSend = Create(
        DiagnosticIds.UnboundedSingleFrameSend,
        title: "WebSocket payload of unbounded size sent in one frame or message",
        messageFormat: "The payload from {0} has no upper bound, but is sent as one {1}: {2}",
        RuleCategories.Send,
        DiagnosticSeverity.Warning,
        description: "One SendAsync call writes exactly one WebSocket frame: .NET never splits it. Peers that limit frames (Netty and Spring WebFlux at 64 KiB) refuse a larger frame with close code 1009; peers that limit messages (Node ws, Python websockets, Jetty, Tomcat) refuse a larger message, however it is framed. Send in frames no larger than a frame limit, holding a per-socket lock for the whole message, or split the data into several messages for a message limit.");

    /// <summary>
    /// WSL1001 for a payload whose size is known: over the default frame limit, which is a guess at the peer, so a
    /// warning like the unbounded case rather than WSL1002's error.
    /// </summary>
    public static readonly DiagnosticDescriptor OversizedSingleFrameSend = Create(
        DiagnosticIds.UnboundedSingleFrameSend,
        title: "WebSocket payload larger than the default frame limit sent in one frame",
        messageFormat: "This payload is at least {0} bytes and is sent as one frame: {1}",
        RuleCategories.Send,
        DiagnosticSeverity.Warning,
        description: "One SendAsync call writes exactly one WebSocket frame: .NET never splits it. With no peer configured, frames are checked against Netty's default limit of 65536 bytes; a payload known to be larger is refused by such a peer with close code 1009 every time. Send it in frames, or name the peer (wslimits.peer) or its limits, which turns a payload over them into WSL1002 and one within them into no diagnostic.");

    public static readonly DiagnosticDescriptor PayloadOverLimit = Create(
        DiagnosticIds.PayloadOverLimit,
        title: "WebSocket payload larger than the configured limit",
        messageFormat: "This payload is at least {0} bytes, but {1}",
        RuleCategories.Send,
        DiagnosticSeverity.Error,
        description: "The payload's size is known and it is over the frame or message limit configured for the peer (wslimits.peer, wslimits.max_frame_bytes, wslimits.max_message_bytes). The peer closes the connection when it arrives. Send it in frames of the limit where only frames are limited, split it into several messages where messages are, or raise the peer's limit.");

    public static readonly DiagnosticDescriptor FragmentedSendWithoutExclusiveAccess = Create(
        DiagnosticIds.FragmentedSendWithoutExclusiveAccess,
        title: "Fragmented WebSocket send without exclusive access to the socket",
        messageFormat: "'{0}' sends a message in fragments, but '{1}' can be used from other methods and nothing here holds it for the whole message; a send from elsewhere in between becomes part of this message",
        RuleCategories.Send,
        DiagnosticSeverity.Warning,
        description: "After a send with endOfMessage false, .NET writes the next send on the socket as a continuation frame, whoever makes it and whatever message type it names. Concurrent senders then merge their messages. Hold one lock per socket, such as a SemaphoreSlim, from the first fragment to the last, and take it in every method that sends on the socket.");

    public static readonly DiagnosticDescriptor MessageNeverEnded = Create(
        DiagnosticIds.MessageNeverEnded,
        title: "WebSocket message never ended",
        messageFormat: "{0}; the peer delivers nothing until a frame ends the message, and .NET sends every later send on this socket as a continuation of it",
        RuleCategories.Send,
        DiagnosticSeverity.Warning,
        description: "A send whose endOfMessage is false, or whose WebSocketMessageFlags lack EndOfMessage (the literal 0 binds to the flags overload), leaves its message open: the peer holds the frame and waits for the rest, and .NET writes the next send on the socket as a continuation frame of the same message, whatever type it names. Set EndOfMessage on the last send of every message, on every path out of a loop that sends fragments, and take it from the payload being sent, not from an unrelated receive.");

    public static readonly DiagnosticDescriptor EndOfMessageIgnored = Create(
        DiagnosticIds.EndOfMessageIgnored,
        title: "WebSocket message used without checking EndOfMessage",
        messageFormat: "The data from this ReceiveAsync is used as a whole message, but EndOfMessage is never checked: a message larger than the buffer, or sent in several frames, arrives in pieces and is truncated",
        RuleCategories.Receive,
        DiagnosticSeverity.Warning,
        description: "ReceiveAsync returns at most one frame's worth of data, and never more than the buffer holds. Read until EndOfMessage, under a size cap, before decoding or dispatching a message.");

    public static readonly DiagnosticDescriptor UnboundedReassembly = Create(
        DiagnosticIds.UnboundedReassembly,
        title: "WebSocket message reassembled without a size limit",
        messageFormat: "Received fragments are appended to '{0}' until EndOfMessage with no size limit, so a peer can make it grow until memory runs out; stop at {1} bytes and close with 1009 (MessageTooBig)",
        RuleCategories.Receive,
        DiagnosticSeverity.Warning,
        description: ".NET's WebSocket has no receive limit of its own: a loop that appends fragments until EndOfMessage keeps whatever the peer sends (CWE-770). Check the running size against a limit and close with WebSocketCloseStatus.MessageTooBig.");

    public static readonly DiagnosticDescriptor TextDecodedPerFragment = Create(
        DiagnosticIds.TextDecodedPerFragment,
        title: "WebSocket text decoded per fragment",
        messageFormat: "Each received fragment is decoded with {0} on its own, which breaks a multi-byte character split across fragments; decode the whole message once, or use one Decoder across fragments",
        RuleCategories.Receive,
        DiagnosticSeverity.Warning,
        description: "Fragments and receive buffers end at arbitrary bytes, not at character boundaries. Decoding each piece separately turns a UTF-8 character split between two pieces into replacement characters.");

    public static readonly DiagnosticDescriptor CloseDescriptionTooLong = Create(
        DiagnosticIds.CloseDescriptionTooLong,
        title: "WebSocket close description too long",
        messageFormat: "This close description {0}, but a close frame holds only 123 UTF-8 bytes of it (125 bytes less the 2-byte status code); over that, {1} throws ArgumentException and the socket is never closed cleanly",
        RuleCategories.Receive,
        DiagnosticSeverity.Info,
        description: "CloseAsync and CloseOutputAsync check the description before sending anything: over 123 UTF-8 bytes, the most a close frame's 125-byte payload holds beside the status code, they throw ArgumentException. The close that was meant to refuse a message (1009, 1008) never happens, and the exception leaves the socket open or aborted. Keep descriptions short, or truncate text the code does not control to 123 UTF-8 bytes without splitting a character.");

    public static readonly DiagnosticDescriptor BufferSizeIsNotALimit = Create(
        DiagnosticIds.BufferSizeIsNotALimit,
        title: "Buffer size setting does not limit WebSocket message size",
        messageFormat: "{0} does not limit WebSocket message size: {1}; to refuse large messages, check their size in the receive loop (WSL2002)",
        RuleCategories.Limits,
        DiagnosticSeverity.Warning,
        description: "ClientWebSocketOptions.SetBuffer is ignored on .NET Core and .NET 5+ and throws in the browser; ASP.NET Core's WebSocketOptions.ReceiveBufferSize has had no effect since 2.1. Neither limits message size: .NET's WebSocket has no receive limit, so the application must check the size of what it reassembles.");

    public static readonly DiagnosticDescriptor SignalRReceiveLimitDisabled = Create(
        DiagnosticIds.SignalRReceiveLimitDisabled,
        title: "SignalR receive limit disabled",
        messageFormat: "{0}: any client can make the server buffer {1} for one message; keep a limit of the size clients need ({2})",
        RuleCategories.Limits,
        DiagnosticSeverity.Warning,
        description: "HubOptions.MaximumReceiveMessageSize is SignalR's only limit on what a client sends, and ASP.NET SignalR 2's MaxIncomingWebSocketMessageSize its limit on WebSocket messages: the server buffers a message whole before parsing it. Null or a value too large to bound anything removes the limit, and a value far above what clients need lets any client make the server hold that much per connection.");

    public static readonly DiagnosticDescriptor SignalRPayloadOverReceiveLimit = Create(
        DiagnosticIds.SignalRPayloadOverReceiveLimit,
        title: "Client-to-server payload may exceed SignalR's receive limit",
        messageFormat: "{0}, but {1}; a larger hub message makes the server close the connection with an error",
        RuleCategories.Limits,
        DiagnosticSeverity.Info,
        description: "A SignalR server refuses client-to-server hub messages over HubOptions.MaximumReceiveMessageSize (32 KB by default) by closing the connection with \"Connection closed with an error.\", not with WebSocket 1009. The .NET and JS clients have no such limit, so downloads work and uploads fail. Stream large uploads (IAsyncEnumerable<T> or ChannelReader<T> parameters) or raise the server's limit to the size the contract allows.");

    public static readonly DiagnosticDescriptor LimitRaisedOnOneSide = Create(
        DiagnosticIds.LimitRaisedOnOneSide,
        title: "Size limit changed on one side only",
        messageFormat: "{0}",
        RuleCategories.Limits,
        DiagnosticSeverity.Warning,
        description: "A limit raised where it is not enforced, or away from the limits contract that client and server share, moves the failure instead of removing it: uploads fail while downloads work. SignalR's TransportMaxBufferSize and ApplicationMaxBufferSize are back-pressure thresholds, not message limits; the server's MaximumReceiveMessageSize decides. Frame sizes, split parts and receive caps should match the contract keys in .globalconfig.");

    public static readonly DiagnosticDescriptor SignalRBackPressureDisabled = Create(
        DiagnosticIds.SignalRBackPressureDisabled,
        title: "SignalR back-pressure disabled",
        messageFormat: "{0} = 0 lifts no size limit, it turns off back-pressure: the pipe between transport and application then keeps whatever one side writes faster than the other reads, so memory grows without bound; leave the default of {1} bytes, and limit hub messages with the server's HubOptions.MaximumReceiveMessageSize ({2})",
        RuleCategories.Limits,
        DiagnosticSeverity.Info,
        description: "TransportMaxBufferSize and ApplicationMaxBufferSize, on the server's HttpConnectionDispatcherOptions and the .NET client's HttpConnectionOptions, are the pause thresholds of the pipes between the transport and the application. 0 means the writer never pauses: a peer that sends faster than the application reads, or reads slower than the application sends, makes that side buffer everything in memory. They never limited message size; HubOptions.MaximumReceiveMessageSize does.");

    public static readonly DiagnosticDescriptor InvalidLimitOption = Create(
        DiagnosticIds.InvalidLimitOption,
        title: "Invalid WsLimits configuration value",
        messageFormat: "{0}",
        RuleCategories.Configuration,
        DiagnosticSeverity.Warning,
        description: "A 'wslimits.*' key in .editorconfig or .globalconfig is unknown or has a value the analyzers cannot use; the documented default applies instead.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", customTags);
}
