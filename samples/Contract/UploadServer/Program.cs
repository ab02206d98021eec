using UploadServer;

var builder = WebApplication.CreateBuilder(args);

// Safe: the contract's 1 MiB (wslimits.signalr.max_receive_message_bytes in ../.globalconfig), the limit clients are
// checked against. Setting it to null would be WSL3002; leaving it out would be WSL3003 on UploadHub.Upload, whose
// byte[] would then stop at SignalR's 32 KB default.
builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 1_048_576);

var app = builder.Build();
app.MapHub<UploadHub>("/upload");
app.Run();
