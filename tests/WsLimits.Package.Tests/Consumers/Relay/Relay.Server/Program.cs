using Relay.Server;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSignalR();
var app = builder.Build();
app.MapHub<FilesHub>("/files", options =>
{
    options.TransportMaxBufferSize = 10 * 1024 * 1024;
});
app.MapHub<FeedHub>("/feed", options =>
{
    options.TransportMaxBufferSize = 0;
    options.ApplicationMaxBufferSize = 0;
});
app.Run();
