using System;
using System.Collections.Immutable;
using System.Linq;

namespace WsLimits.Analyzers.Peers;

/// <summary>The peers the rules and docs know, in one table (see docs/peers.md).</summary>
internal static class PeerProfiles
{
    public static readonly ImmutableArray<PeerProfile> All = ImmutableArray.Create(
        new PeerProfile("netty", frameLimit: 65536, messageLimit: null, closeCode: 1009, "Netty WebSocketDecoderConfig.maxFramePayloadLength"),
        new PeerProfile("spring-webflux", frameLimit: 65536, messageLimit: null, closeCode: 1009, "Reactor Netty WebsocketServerSpec.maxFramePayloadLength"),
        new PeerProfile("aws-apigateway", frameLimit: 32 * 1024, messageLimit: 128 * 1024, closeCode: 1009, "AWS API Gateway WebSocket quotas (32 KB frames, 128 KB messages)"),
        new PeerProfile("node-ws", frameLimit: null, messageLimit: 104857600, closeCode: 1009, "ws maxPayload"),
        new PeerProfile("python-websockets", frameLimit: null, messageLimit: 1048576, closeCode: 1009, "websockets max_size"),
        new PeerProfile("gorilla", frameLimit: null, messageLimit: null, closeCode: 1009, "gorilla/websocket Conn.SetReadLimit (0 = no limit)"),
        new PeerProfile("coder-websocket", frameLimit: null, messageLimit: 32768, closeCode: 1009, "coder/websocket Conn.SetReadLimit"),
        new PeerProfile("jetty", frameLimit: null, messageLimit: 65536, closeCode: 1009, "Jetty maxTextMessageSize/maxBinaryMessageSize, autoFragment on"),
        new PeerProfile("tomcat", frameLimit: null, messageLimit: 8192, closeCode: 1009, "Tomcat text and binary message buffers"),
        new PeerProfile("socketio", frameLimit: null, messageLimit: 1000000, closeCode: 1009, "Engine.IO maxHttpBufferSize"),
        new PeerProfile("signalr", frameLimit: null, messageLimit: 32768, closeCode: null, "ASP.NET Core SignalR HubOptions.MaximumReceiveMessageSize (client-to-server hub messages)"));

    public static PeerProfile? Named(string name) => All.FirstOrDefault(profile => string.Equals(profile.Name, name, StringComparison.OrdinalIgnoreCase));
}
