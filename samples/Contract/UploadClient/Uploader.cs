using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR.Client;

namespace UploadClient;

public sealed class Uploader
{
    private const int ChunkBytes = 16 * 1024;
    private readonly HubConnection _connection;

    public Uploader(HubConnection connection) => _connection = connection;

    public static HubConnection Connect(Uri url) => new HubConnectionBuilder()
        .WithUrl(url, options =>
        {
            // WSL3004: a back-pressure threshold, not a limit: the server's MaximumReceiveMessageSize still decides.
            options.TransportMaxBufferSize = 8 * 1024 * 1024;
        })
        .Build();

    public async Task UploadAsync(string path, CancellationToken cancellationToken)
    {
        // WSL3003: a whole file in one hub message; over the contract's 1 MiB the server closes the connection.
        await _connection.InvokeAsync<long>("Upload", Path.GetFileName(path), File.ReadAllBytes(path), cancellationToken);
    }

    public async Task UploadNoteAsync(string path, CancellationToken cancellationToken)
    {
        // Safe: a fixed 4 KB buffer, far under the contract's 1 MiB.
        var head = new byte[4096];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        await _connection.InvokeAsync<long>("Upload", "head.bin", head, cancellationToken);
    }

    public Task<long> StreamAsync(string path, CancellationToken cancellationToken)
    {
        // Safe: a client-to-server stream of 16 KB chunks, each its own hub message, so no message nears the limit
        // whatever the file's size.
        return _connection.InvokeAsync<long>("UploadStream", Path.GetFileName(path), ReadChunksAsync(path, cancellationToken), cancellationToken);
    }

    private static async IAsyncEnumerable<byte[]> ReadChunksAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var buffer = new byte[ChunkBytes];
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            yield return buffer[..read];
        }
    }
}
