namespace Relay.Net.WebSockets;

/// <summary>The relay's own socket: a .NET WebSocket joined to one channel.</summary>
public sealed class WebSocket
{
    public WebSocket(System.Net.WebSockets.WebSocket inner, string channel)
    {
        Inner = inner;
        Channel = channel;
    }

    public System.Net.WebSockets.WebSocket Inner { get; }

    public string Channel { get; }
}
