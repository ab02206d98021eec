using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
var app = builder.Build();
app.MapHub<ChatHub>("/chat", options =>
{
    options.TransportMaxBufferSize = 0; // No Maximum
    options.ApplicationMaxBufferSize = 0;
});
app.Run();

public sealed class ChatHub : Hub
{
    public Task Send(string text) => Clients.All.SendAsync("Message", text);
}
