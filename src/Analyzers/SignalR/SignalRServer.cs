using WsLimits.Analyzers.Options;

namespace WsLimits.Analyzers.SignalR;

/// <summary>One of the two SignalR servers, as far as its receive limit goes: the setting's name and its default.</summary>
internal sealed class SignalRServer
{
    public static readonly SignalRServer AspNetCore = new("SignalR", "MaximumReceiveMessageSize", LimitOptions.SignalRDefaultMaxReceiveMessageBytes, "SignalR's only receive limit");

    public static readonly SignalRServer AspNet = new("SignalR 2", "MaxIncomingWebSocketMessageSize", 65_536, "SignalR 2's limit on WebSocket messages");

    private SignalRServer(string name, string limitProperty, int defaultBytes, string limitDescription)
    {
        Name = name;
        LimitProperty = limitProperty;
        DefaultBytes = defaultBytes;
        LimitDescription = limitDescription;
    }

    /// <summary>How messages name the server: "SignalR" for ASP.NET Core's, "SignalR 2" for ASP.NET's.</summary>
    public string Name { get; }

    /// <summary>The property that holds the largest message, in bytes, the server accepts from a client.</summary>
    public string LimitProperty { get; }

    public int DefaultBytes { get; }

    /// <summary>What null removes, for the message.</summary>
    public string LimitDescription { get; }
}
