using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WsLimits.Tests.Shared;

namespace WsLimits.Package.Tests.LanguageServer;

/// <summary>How the client asks for diagnostics, which decides how csharp-ls sends them.</summary>
public enum DiagnosticsMode
{
    /// <summary>The client declares no textDocument.diagnostic capability: the server publishes (textDocument/publishDiagnostics) for open documents.</summary>
    Push,

    /// <summary>The client declares textDocument.diagnostic with dynamic registration: the server registers textDocument/diagnostic and the client asks.</summary>
    Pull,
}

/// <summary>
/// csharp-ls, the local tool of .config/dotnet-tools.json, driven over its standard input and output as an editor
/// drives it, on one folder. The client answers workspace/configuration with csharp.analyzersEnabled = true, the only
/// way csharp-ls reads its settings besides workspace/didChangeConfiguration (it ignores initializationOptions).
/// </summary>
internal sealed class CSharpLsSession : IAsyncDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly JsonRpcConnection _connection;
    private readonly string _folder;
    private readonly DiagnosticsMode _mode;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentDictionary<string, JsonElement[]> _published = new();
    private readonly ConcurrentDictionary<string, int> _versions = new();
    private readonly SemaphoreSlim _publishedSignal = new(0);

    private CSharpLsSession(Process process, string folder, DiagnosticsMode mode)
    {
        _process = process;
        _folder = folder;
        _mode = mode;
        _connection = new JsonRpcConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream, AnswerServerRequest, OnNotification);
    }

    /// <summary>Since the server process started.</summary>
    public Stopwatch SinceStart { get; } = Stopwatch.StartNew();

    /// <summary>The server's standard error, its window/logMessage and window/showMessage notifications, and what the client saw, in order.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>The methods the server registered with client/registerCapability.</summary>
    public ConcurrentBag<string> Registrations { get; } = new();

    public static async Task<CSharpLsSession> StartAsync(string folder, DiagnosticsMode mode)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The tool manifest is found from here; the folder to open comes with initialize.
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "tool", "run", "csharp-ls", "--", "--loglevel", "info" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        var session = new CSharpLsSession(Process.Start(start)!, folder, mode);
        session._process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                session._log.Enqueue("stderr: " + line.Data);
            }
        };
        session._process.BeginErrorReadLine();
        session._connection.Start();
        try
        {
            await session.InitializeAsync();
        }
        catch (Exception failure) when (failure is IOException or TimeoutException or InvalidOperationException)
        {
            var log = session.Log;
            await session.DisposeAsync();
            throw new InvalidOperationException($"csharp-ls did not initialize ({failure.Message}); bash eng/install-test-prerequisites.sh restores it. Server log:\n{log}", failure);
        }

        return session;
    }

    public string Uri(string file) => new Uri(Path.Combine(_folder, file)).AbsoluteUri;

    public Task OpenAsync(string file)
    {
        _versions[file] = 1;
        _published.TryRemove(Key(Uri(file)), out _);
        return _connection.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = Uri(file),
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = File.ReadAllText(Path.Combine(_folder, file)),
            },
        });
    }

    /// <summary>The whole new text of an open document, as an unsaved edit: the file on disk stays as it is.</summary>
    public Task ChangeAsync(string file, string text)
    {
        _published.Clear();
        return _connection.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["version"] = _versions.AddOrUpdate(file, 2, (_, version) => version + 1) },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>What an editor's file watcher sends when a file changed on disk.</summary>
    public Task FileChangedOnDiskAsync(string file)
    {
        _published.Clear();
        return _connection.NotifyAsync("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = Uri(file), ["type"] = 2 }),
        });
    }

    /// <summary>
    /// This package's diagnostics of <paramref name="file"/> once <paramref name="until"/> holds for them, as the server
    /// sends them in this session's mode; fails after <paramref name="timeout"/> with the last ones seen and the server's log.
    /// In push mode only publications received since the last edit or file change count (and, for a document, since it was
    /// opened), so a result from before an edit is never taken for one after it.
    /// </summary>
    public async Task<IReadOnlyList<EditorDiagnostic>> WaitForDiagnosticsAsync(string file, Func<IReadOnlyList<EditorDiagnostic>, bool> until, TimeSpan timeout, string what)
    {
        var uri = Uri(file);
        var deadline = Stopwatch.StartNew();
        IReadOnlyList<EditorDiagnostic>? last = null;

        while (deadline.Elapsed < timeout)
        {
            var raw = _mode == DiagnosticsMode.Push ? Published(uri) : await PullAsync(uri);
            if (raw is not null)
            {
                last = Ours(file, raw);
                if (until(last))
                {
                    return last;
                }
            }

            if (_mode == DiagnosticsMode.Push)
            {
                await _publishedSignal.WaitAsync(TimeSpan.FromSeconds(1));
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }

            if (_process.HasExited)
            {
                break;
            }
        }

        throw new TimeoutException(
            $"Waited {deadline.Elapsed.TotalSeconds:0} s ({_mode} diagnostics) in {file} for {what}" + (_process.HasExited ? $"; the server exited with {_process.ExitCode}" : string.Empty) + ".\n"
            + "Last WSL diagnostics seen: " + (last is null ? "none received" : last.Count == 0 ? "an empty list" : "\n  " + string.Join("\n  ", last)) + "\n"
            + "Server log:\n" + Log);
    }

    /// <summary>The code actions the server offers for <paramref name="diagnostic"/>, by title.</summary>
    public async Task<IReadOnlyList<string>> CodeActionTitlesAsync(string file, EditorDiagnostic diagnostic, JsonElement lspDiagnostic)
    {
        var answer = await _connection.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(file) },
            ["range"] = Range(diagnostic),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(JsonNode.Parse(lspDiagnostic.GetRawText())), ["triggerKind"] = 1 },
        }, RequestTimeout);
        return answer.ValueKind == JsonValueKind.Array
            ? answer.EnumerateArray().Select(action => action.GetProperty("title").GetString() ?? string.Empty).ToList()
            : Array.Empty<string>();
    }

    /// <summary>The raw LSP diagnostic the server sent for <paramref name="diagnostic"/>, as a code action request quotes it.</summary>
    public async Task<JsonElement> RawDiagnosticAsync(string file, EditorDiagnostic diagnostic)
    {
        var raw = _mode == DiagnosticsMode.Push ? Published(Uri(file)) : await PullAsync(Uri(file));
        return raw!.Single(candidate => EditorDiagnostic.FromLsp(file, candidate) == diagnostic);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _connection.RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
                await _connection.NotifyAsync("exit", null);
                await _process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token);
            }
        }
        catch (Exception failure) when (failure is TimeoutException or IOException or InvalidOperationException or OperationCanceledException)
        {
            // A server that does not stop on request is stopped below.
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _connection.DisposeAsync();
            _process.Dispose();
            _publishedSignal.Dispose();
        }
    }

    private static JsonObject Range(EditorDiagnostic diagnostic) => new()
    {
        ["start"] = new JsonObject { ["line"] = diagnostic.StartLine - 1, ["character"] = diagnostic.StartColumn - 1 },
        ["end"] = new JsonObject { ["line"] = diagnostic.EndLine - 1, ["character"] = diagnostic.EndColumn - 1 },
    };

    private static IReadOnlyList<EditorDiagnostic> Ours(string file, IEnumerable<JsonElement> raw) => EditorDiagnostic.Sorted(raw
        .Select(diagnostic => EditorDiagnostic.FromLsp(file, diagnostic))
        .Where(diagnostic => EditorDiagnostic.IsOurs(diagnostic.Id)));

    private async Task InitializeAsync()
    {
        var textDocument = new JsonObject
        {
            ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false, ["didSave"] = true },
            ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true, ["codeDescriptionSupport"] = true },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject
                {
                    ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "refactor.extract", "refactor.inline", "refactor.rewrite", "source") },
                },
            },
        };
        if (_mode == DiagnosticsMode.Pull)
        {
            textDocument["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true, ["relatedDocumentSupport"] = false };
        }

        var folderUri = new Uri(_folder + Path.DirectorySeparatorChar).AbsoluteUri.TrimEnd('/');
        await _connection.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "WsLimits.Package.Tests" },
            ["rootUri"] = folderUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = folderUri, ["name"] = Path.GetFileName(_folder) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject
                {
                    ["configuration"] = true,
                    ["workspaceFolders"] = true,
                    ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
                    ["diagnostics"] = new JsonObject { ["refreshSupport"] = true },
                },
                ["textDocument"] = textDocument,
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
            },
        }, RequestTimeout);
        await _connection.NotifyAsync("initialized", new JsonObject());
    }

    private JsonElement[]? Published(string uri) => _published.TryGetValue(Key(uri), out var diagnostics) ? diagnostics : null;

    /// <summary>A document's key whatever the escaping of its URI.</summary>
    private static string Key(string uri) => new Uri(uri).LocalPath;

    /// <summary>One textDocument/diagnostic request, without a previous result ID so the answer is always a full report; null while the server cannot answer yet.</summary>
    private async Task<JsonElement[]?> PullAsync(string uri)
    {
        if (!Registrations.Contains("textDocument/diagnostic"))
        {
            return null;
        }

        try
        {
            var report = await _connection.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, RequestTimeout);
            return report.ValueKind == JsonValueKind.Object && report.TryGetProperty("items", out var items) ? items.EnumerateArray().ToArray() : null;
        }
        catch (InvalidOperationException error)
        {
            _log.Enqueue("client: textDocument/diagnostic failed: " + error.Message);
            return null;
        }
    }

    private JsonNode? AnswerServerRequest(string method, JsonElement parameters)
    {
        _log.Enqueue("server request: " + method);
        switch (method)
        {
            case "workspace/configuration":
                var answers = new JsonArray();
                foreach (var item in parameters.GetProperty("items").EnumerateArray())
                {
                    answers.Add(item.TryGetProperty("section", out var section) && section.GetString() == "csharp"
                        ? new JsonObject { ["analyzersEnabled"] = true }
                        : null);
                }

                return answers;
            case "client/registerCapability":
                foreach (var registration in parameters.GetProperty("registrations").EnumerateArray())
                {
                    Registrations.Add(registration.GetProperty("method").GetString()!);
                }

                return null;
            default:
                // window/workDoneProgress/create, workspace/diagnostic/refresh and the like need no more than an answer.
                return null;
        }
    }

    private void OnNotification(string method, JsonElement parameters)
    {
        switch (method)
        {
            case "textDocument/publishDiagnostics":
                _published[Key(parameters.GetProperty("uri").GetString()!)] = parameters.GetProperty("diagnostics").EnumerateArray().ToArray();
                _publishedSignal.Release();
                break;
            case "window/logMessage" or "window/showMessage":
                _log.Enqueue(method + ": " + parameters.GetProperty("message").GetString());
                break;
        }
    }
}
