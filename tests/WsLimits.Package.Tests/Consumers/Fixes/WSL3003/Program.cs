using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
var app = builder.Build();
app.MapHub<FilesHub>("/files");
app.Run();

public sealed class FilesHub : Hub
{
    public int Upload(byte[] data) => data.Length;
}
