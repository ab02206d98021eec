using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.WebSockets;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsLimits.Analyzers.CodeFixes.ChunkedSend;
using Xunit;

namespace WsLimits.Interop.Tests.Helper;

/// <summary>
/// Compiles the helper exactly as the WSL1001 fix renders it and returns a call to it shaped as the fix writes it:
/// one call per message, message type Binary.
/// </summary>
internal static class CompiledChunkedSender
{
    public const int MaxFrameBytes = 65536;

    private static readonly ConcurrentDictionary<ChunkedSenderVariant, Lazy<Func<WebSocket, byte[], CancellationToken, Task>>> Compiled = new();

    public static Func<WebSocket, byte[], CancellationToken, Task> For(string variantName)
    {
        var variant = Enum.Parse<ChunkedSenderVariant>(variantName);
        return Compiled.GetOrAdd(variant, v => new Lazy<Func<WebSocket, byte[], CancellationToken, Task>>(() => Compile(v))).Value;
    }

    private static Func<WebSocket, byte[], CancellationToken, Task> Compile(ChunkedSenderVariant variant)
    {
        var senderType = LoadSenderType(variant, ChunkedSenderTemplate.Render(variant, MaxFrameBytes));
        switch (variant)
        {
            case ChunkedSenderVariant.MessageFlags:
                var withFlags = Method<Func<WebSocket, ReadOnlyMemory<byte>, WebSocketMessageType, WebSocketMessageFlags, CancellationToken, Task>>(senderType);
                return (socket, payload, cancellationToken) => withFlags(socket, payload, WebSocketMessageType.Binary, WebSocketMessageFlags.EndOfMessage, cancellationToken);
            case ChunkedSenderVariant.Memory:
                var withMemory = Method<Func<WebSocket, ReadOnlyMemory<byte>, WebSocketMessageType, CancellationToken, Task>>(senderType);
                return (socket, payload, cancellationToken) => withMemory(socket, payload, WebSocketMessageType.Binary, cancellationToken);
            default:
                var withSegment = Method<Func<WebSocket, ArraySegment<byte>, WebSocketMessageType, CancellationToken, Task>>(senderType);
                return (socket, payload, cancellationToken) => withSegment(socket, new ArraySegment<byte>(payload), WebSocketMessageType.Binary, cancellationToken);
        }
    }

    private static Type LoadSenderType(ChunkedSenderVariant variant, string source)
    {
        // C# 7.3 is the oldest language the template promises to compile under.
        var syntaxTree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp7_3));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            $"ChunkedSender.{variant}",
            [syntaxTree],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"The {variant} helper does not compile:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");

        image.Position = 0;
        var assembly = new AssemblyLoadContext($"ChunkedSender.{variant}").LoadFromStream(image);
        return assembly.GetType(ChunkedSenderTemplate.TypeName, throwOnError: true)!;
    }

    private static TDelegate Method<TDelegate>(Type senderType)
        where TDelegate : Delegate
    {
        var parameterTypes = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Select(parameter => parameter.ParameterType).ToArray();
        var method = senderType.GetMethod(ChunkedSenderTemplate.MethodName, BindingFlags.Public | BindingFlags.Static, parameterTypes);
        Assert.True(method is not null, $"{senderType} has no {ChunkedSenderTemplate.MethodName}({string.Join(", ", parameterTypes.Select(type => type.Name))}).");
        return method.CreateDelegate<TDelegate>();
    }
}
