using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.Infrastructure;

/// <summary>
/// The types the rules look for, resolved once per compilation and shared by every rule and fix. A compilation
/// without System.Net.WebSockets.WebSocket gets no instance, and so no further callbacks.
/// </summary>
internal sealed class WellKnownTypes
{
    // A failed lookup searches every referenced assembly; eleven rules each resolving three dozen types repeated that
    // eleven times per compilation.
    private static readonly ConditionalWeakTable<Compilation, StrongBox<WellKnownTypes?>> Shared = new();

    private WellKnownTypes(Compilation compilation, INamedTypeSymbol webSocket)
    {
        WebSocket = webSocket;
        WebSocketMessageFlags = compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocketMessageFlags");
        ArraySegment = compilation.GetTypeByMetadataName("System.ArraySegment`1");
        Memory = compilation.GetTypeByMetadataName("System.Memory`1");
        ReadOnlyMemory = compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1");
        Span = compilation.GetTypeByMetadataName("System.Span`1");
        ReadOnlySpan = compilation.GetTypeByMetadataName("System.ReadOnlySpan`1");
        WebSocketStream = compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocketStream");
        MemoryExtensions = compilation.GetTypeByMetadataName("System.MemoryExtensions");
        Math = compilation.GetTypeByMetadataName("System.Math");
        ArrayPool = compilation.GetTypeByMetadataName("System.Buffers.ArrayPool`1");
        Encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
        MemoryStream = compilation.GetTypeByMetadataName("System.IO.MemoryStream");
        File = compilation.GetTypeByMetadataName("System.IO.File");
        Convert = compilation.GetTypeByMetadataName("System.Convert");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        ArrayBufferWriter = compilation.GetTypeByMetadataName("System.Buffers.ArrayBufferWriter`1");
        SystemTextJsonSerializer = compilation.GetTypeByMetadataName("System.Text.Json.JsonSerializer");
        NewtonsoftJsonConvert = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert");
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        PipeWriter = compilation.GetTypeByMetadataName("System.IO.Pipelines.PipeWriter");
        BuffersExtensions = compilation.GetTypeByMetadataName("System.Buffers.BuffersExtensions");
        SystemTextJsonDocument = compilation.GetTypeByMetadataName("System.Text.Json.JsonDocument");
        SystemTextJsonReader = compilation.GetTypeByMetadataName("System.Text.Json.Utf8JsonReader");
        ClientWebSocketOptions = compilation.GetTypeByMetadataName("System.Net.WebSockets.ClientWebSocketOptions");
        WebSocketReceiveResult = compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocketReceiveResult");
        ValueWebSocketReceiveResult = compilation.GetTypeByMetadataName("System.Net.WebSockets.ValueWebSocketReceiveResult");
        AspNetCoreWebSocketOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebSocketOptions");
        ExtendedWebSocketAcceptContext = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.WebSockets.ExtendedWebSocketAcceptContext");
        HubOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.HubOptions");
        Hub = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Hub");
        HubConnection = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Client.HubConnection");
        HubConnectionExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions");
        HttpConnectionOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Connections.Client.HttpConnectionOptions");
        HttpConnectionDispatcherOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.Connections.HttpConnectionDispatcherOptions");
        MessagePackSerializer = compilation.GetTypeByMetadataName("MessagePack.MessagePackSerializer");
        BufferWriter = compilation.GetTypeByMetadataName("System.Buffers.IBufferWriter`1");
        Exception = compilation.GetTypeByMetadataName("System.Exception");
    }

    public INamedTypeSymbol WebSocket { get; }
    public INamedTypeSymbol? WebSocketMessageFlags { get; }
    public INamedTypeSymbol? ArraySegment { get; }
    public INamedTypeSymbol? Memory { get; }
    public INamedTypeSymbol? ReadOnlyMemory { get; }
    public INamedTypeSymbol? Span { get; }
    public INamedTypeSymbol? ReadOnlySpan { get; }
    public INamedTypeSymbol? WebSocketStream { get; }
    public INamedTypeSymbol? MemoryExtensions { get; }
    public INamedTypeSymbol? Math { get; }
    public INamedTypeSymbol? ArrayPool { get; }
    public INamedTypeSymbol? Encoding { get; }
    public INamedTypeSymbol? MemoryStream { get; }
    public INamedTypeSymbol? File { get; }
    public INamedTypeSymbol? Convert { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? ArrayBufferWriter { get; }
    public INamedTypeSymbol? SystemTextJsonSerializer { get; }
    public INamedTypeSymbol? NewtonsoftJsonConvert { get; }
    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? PipeWriter { get; }
    public INamedTypeSymbol? BuffersExtensions { get; }
    public INamedTypeSymbol? SystemTextJsonDocument { get; }
    public INamedTypeSymbol? SystemTextJsonReader { get; }
    public INamedTypeSymbol? ClientWebSocketOptions { get; }
    public INamedTypeSymbol? WebSocketReceiveResult { get; }
    public INamedTypeSymbol? ValueWebSocketReceiveResult { get; }
    public INamedTypeSymbol? AspNetCoreWebSocketOptions { get; }
    public INamedTypeSymbol? ExtendedWebSocketAcceptContext { get; }
    public INamedTypeSymbol? HubOptions { get; }
    public INamedTypeSymbol? Hub { get; }
    public INamedTypeSymbol? HubConnection { get; }
    public INamedTypeSymbol? HubConnectionExtensions { get; }
    public INamedTypeSymbol? HttpConnectionOptions { get; }
    public INamedTypeSymbol? HttpConnectionDispatcherOptions { get; }
    public INamedTypeSymbol? BufferWriter { get; }
    public INamedTypeSymbol? Exception { get; }

    public INamedTypeSymbol? MessagePackSerializer { get; }

    public static WellKnownTypes? TryCreate(Compilation compilation) => Shared.GetValue(compilation, Resolve).Value;

    private static StrongBox<WellKnownTypes?> Resolve(Compilation compilation)
    {
        var webSocket = compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocket");
        return new StrongBox<WellKnownTypes?>(webSocket is null ? null : new WellKnownTypes(compilation, webSocket));
    }

    public bool IsWebSocket(ITypeSymbol? type) => type.IsOrDerivesFrom(WebSocket);
}
