using Microsoft.AspNetCore.SignalR;

namespace UploadServer;

public sealed class UploadHub : Hub
{
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "uploads")).FullName;

    // Safe here: a byte[] of any length from clients, but Program.cs sets MaximumReceiveMessageSize to the contract's
    // 1 MiB, so larger uploads are refused by SignalR and clients are checked against that size (WSL3003).
    public async Task<long> Upload(string name, byte[] content)
    {
        await File.WriteAllBytesAsync(PathOf(name), content, Context.ConnectionAborted);
        return content.Length;
    }

    // Safe: a client-to-server stream, each chunk its own hub message, so a file of any size fits the receive limit.
    public async Task<long> UploadStream(string name, IAsyncEnumerable<byte[]> chunks)
    {
        await using var file = File.Create(PathOf(name));
        await foreach (var chunk in chunks)
        {
            await file.WriteAsync(chunk, Context.ConnectionAborted);
        }

        return file.Length;
    }

    private static string PathOf(string name) => Path.Combine(Folder, Path.GetFileName(name));
}
