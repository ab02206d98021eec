using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = null);
var app = builder.Build();
app.MapHub<StatusHub>("/status");
app.Run();

public sealed class StatusHub : Hub
{
    public Task Report(string status) => Clients.Others.SendAsync("Status", status);
}
