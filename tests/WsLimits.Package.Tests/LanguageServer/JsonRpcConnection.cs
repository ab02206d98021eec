using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace WsLimits.Package.Tests.LanguageServer;

/// <summary>
/// JSON-RPC 2.0 over a pair of streams with the Language Server Protocol's framing: a Content-Length header, an empty
/// line, then that many bytes of UTF-8 JSON. Requests from the server are answered by <see cref="ServerRequestHandler"/>;
/// its notifications go to <see cref="NotificationHandler"/>.
/// </summary>
internal sealed class JsonRpcConnection : IAsyncDisposable
{
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<string, JsonElement, JsonNode?> _serverRequestHandler;
    private readonly Action<string, JsonElement> _notificationHandler;
    private long _nextId;
    private Task? _reading;

    /// <param name="input">What the server writes (its standard output).</param>
    /// <param name="output">What the server reads (its standard input).</param>
    /// <param name="serverRequestHandler">The result for a request from the server, by method and params.</param>
    /// <param name="notificationHandler">Called for each notification from the server.</param>
    public JsonRpcConnection(Stream input, Stream output, Func<string, JsonElement, JsonNode?> serverRequestHandler, Action<string, JsonElement> notificationHandler)
    {
        _input = input;
        _output = output;
        _serverRequestHandler = serverRequestHandler;
        _notificationHandler = notificationHandler;
    }

    /// <summary>Why reading stopped, once it has: the server closed its output or sent something unreadable.</summary>
    public Exception? ReadFailure { get; private set; }

    public void Start() => _reading = Task.Run(ReadLoopAsync);

    public async Task<JsonElement> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        if (await Task.WhenAny(response.Task, Task.Delay(timeout)) != response.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} had no answer within {timeout.TotalSeconds:0} s");
        }

        return await response.Task;
    }

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_reading is not null)
        {
            await Task.WhenAny(_reading, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        _stop.Dispose();
        _writeLock.Dispose();
    }

    private async Task WriteAsync(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync();
        try
        {
            await _output.WriteAsync(header);
            await _output.WriteAsync(body);
            await _output.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = await ReadContentLengthAsync();
                var body = new byte[length];
                await _input.ReadExactlyAsync(body, _stop.Token);
                using var message = JsonDocument.Parse(body);
                await DispatchAsync(message.RootElement.Clone());
            }
        }
        catch (Exception failure) when (failure is EndOfStreamException or IOException or OperationCanceledException or JsonException or FormatException)
        {
            ReadFailure = failure;
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new IOException("The server's output closed before it answered", ReadFailure));
            }
        }
    }

    /// <summary>The headers of one message, up to the empty line; only Content-Length matters.</summary>
    private async Task<int> ReadContentLengthAsync()
    {
        var headers = new StringBuilder();
        var one = new byte[1];
        while (!headers.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _input.ReadAsync(one, _stop.Token) == 0)
            {
                throw new EndOfStreamException("The server closed its output");
            }

            headers.Append((char)one[0]);
        }

        foreach (var line in headers.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                return int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new FormatException("A message without Content-Length: " + headers);
    }

    private async Task DispatchAsync(JsonElement message)
    {
        var hasId = message.TryGetProperty("id", out var id);
        var hasMethod = message.TryGetProperty("method", out var method);
        var parameters = message.TryGetProperty("params", out var p) ? p : default;
        if (hasId && hasMethod)
        {
            // A request from the server: an editor answers each, or the server waits on it.
            var result = _serverRequestHandler(method.GetString()!, parameters);
            await WriteAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()), ["result"] = result });
        }
        else if (hasMethod)
        {
            _notificationHandler(method.GetString()!, parameters);
        }
        else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.TryRemove(id.GetInt64(), out var response))
        {
            if (message.TryGetProperty("error", out var error))
            {
                response.TrySetException(new InvalidOperationException("The server answered with an error: " + error.GetRawText()));
            }
            else
            {
                response.TrySetResult(message.TryGetProperty("result", out var result) ? result : default);
            }
        }
    }
}
