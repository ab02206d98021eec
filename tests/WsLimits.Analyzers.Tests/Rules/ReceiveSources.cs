namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>Receive loops as people write them, wrapped in a class with the usings a WebSocket server has.</summary>
internal static class ReceiveSources
{
    public static string InMethod(string body, string returns = "Task", string parameters = "WebSocket ws, CancellationToken ct") =>
        WSL1001Sources.Usings + "using System.Collections.Generic;\nusing System.IO.Pipelines;\n\n" + $$"""
        class Receiver
        {
            async {{returns}} ReceiveAsync({{parameters}})
            {
        {{WSL1001Sources.Indent(body)}}
            }

            void Handle(string message) { }
        }
        """;

    /// <summary>A pooled buffer writer as a project declares it: an IBufferWriter&lt;byte&gt; that grows without a limit.</summary>
    public const string PooledBufferWriter = """

        sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
        {
            private byte[] _rented = ArrayPool<byte>.Shared.Rent(4096);

            public int WrittenCount { get; private set; }

            public ReadOnlySpan<byte> WrittenSpan => _rented.AsSpan(0, WrittenCount);

            public void Advance(int count) => WrittenCount += count;

            public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(WrittenCount);

            public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(WrittenCount);

            public void Dispose() => ArrayPool<byte>.Shared.Return(_rented);

            private byte[] Reserve(int sizeHint)
            {
                if (_rented.Length - WrittenCount < Math.Max(sizeHint, 1))
                {
                    var larger = ArrayPool<byte>.Shared.Rent(_rented.Length * 2 + sizeHint);
                    WrittenSpan.CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(_rented);
                    _rented = larger;
                }

                return _rented;
            }
        }
        """;
}
