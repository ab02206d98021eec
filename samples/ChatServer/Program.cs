using ChatServer;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<ChatRoom>();
var app = builder.Build();
app.UseWebSockets();

app.Map("/chat", async (HttpContext context, ChatRoom room) =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    await room.JoinAsync(socket, context.RequestAborted);
});

app.Run();
