using Microsoft.AspNetCore.SignalR;

namespace Relay.Server;

public sealed class FilesHub : Hub
{
    public int Upload(string name, byte[] data) => name.Length + data.Length;
}

public sealed class FeedHub : Hub
{
    public Task Publish(string channel, string text) => Clients.Group(channel).SendAsync("Message", text);
}
