using Microsoft.CodeAnalysis;

namespace WsLimits.Analyzers.SignalR;

/// <summary>An assignment that sets a SignalR server's receive limit: which server, and the value seen through conversions.</summary>
internal sealed class ReceiveLimitSetting
{
    /// <summary>ASP.NET Core SignalR's setting, on <c>HubOptions</c> and <c>HubOptions&lt;THub&gt;</c>.</summary>
    public const string PropertyName = "MaximumReceiveMessageSize";

    public ReceiveLimitSetting(SignalRServer server, IOperation value)
    {
        Server = server;
        Value = value;
    }

    public SignalRServer Server { get; }

    public IOperation Value { get; }
}
