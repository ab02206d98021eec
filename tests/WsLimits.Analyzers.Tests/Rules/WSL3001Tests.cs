using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsLimits.Analyzers.Tests.Verifiers;
using Xunit;
using Verifier = WsLimits.Analyzers.Tests.Verifiers.Verify<WsLimits.Analyzers.BufferSizeIsNotALimitAnalyzer, WsLimits.Analyzers.CodeFixes.BufferSizeIsNotALimitCodeFixProvider>;

namespace WsLimits.Analyzers.Tests.Rules;

public sealed class WSL3001Tests
{
    private const string Usings = """
        #pragma warning disable CS0618 // the obsolete members are what this rule is about
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.WebSockets;

        """;

    [Fact]
    public Task SaysSetBufferIsIgnoredAndRemovesIt()
    {
        var test = Verifier.Create(Usings + """
            class Client
            {
                ClientWebSocket Create()
                {
                    var socket = new ClientWebSocket();
                    {|#0:socket.Options.SetBuffer(1024 * 1024, 1024 * 1024)|};
                    return socket;
                }
            }
            """, TargetFrameworks.Net100AspNetCore, editorConfig: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.TargetFramework = net10.0\nbuild_property.TargetFrameworkIdentifier = .NETCoreApp\n"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "ClientWebSocketOptions.SetBuffer", "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"));
        test.FixedCode = Usings + """
            class Client
            {
                ClientWebSocket Create()
                {
                    var socket = new ClientWebSocket();
                    return socket;
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task SaysSetBufferThrowsInTheBrowser()
    {
        var test = Verifier.Create(Usings + """
            class Client
            {
                void Configure(ClientWebSocket socket) => {|#0:socket.Options.SetBuffer(65536, 65536)|};
            }
            """, TargetFrameworks.Net100AspNetCore);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.TargetFrameworkIdentifier = .NETCoreApp\nbuild_property._SupportedPlatformList = browser\n"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "ClientWebSocketOptions.SetBuffer", "in the browser it throws PlatformNotSupportedException"));
        return test.RunAsync();
    }

    [Fact]
    public Task RemovesReceiveBufferSizeFromAnInitializerAndAnAssignment()
    {
        var test = Verifier.Create(Usings + """
            class Startup
            {
                void Configure(IApplicationBuilder app, ExtendedWebSocketAcceptContext accept)
                {
                    app.UseWebSockets(new WebSocketOptions
                    {
                        {|#0:ReceiveBufferSize = 4 * 1024 * 1024|},
                        KeepAliveInterval = TimeSpan.FromSeconds(30),
                    });
                    {|#1:accept.ReceiveBufferSize = 65536|};
                }
            }
            """, TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "WebSocketOptions.ReceiveBufferSize", "it has had no effect since ASP.NET Core 2.1 and is obsolete"));
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(1).WithArguments(
            "ExtendedWebSocketAcceptContext.ReceiveBufferSize", "it has had no effect since ASP.NET Core 2.1 and is obsolete"));
        test.FixedCode = Usings + """
            class Startup
            {
                void Configure(IApplicationBuilder app, ExtendedWebSocketAcceptContext accept)
                {
                    app.UseWebSockets(new WebSocketOptions
                    {
                        KeepAliveInterval = TimeSpan.FromSeconds(30),
                    });
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task RemovesAConstructorThatHeldOnlyTheSettingAndKeepsOneThatDoesMore()
    {
        const string Before = """
            public class RelayClient
            {
                private readonly ClientWebSocket _socket = new();

                public RelayClient()
                {
                    {|#0:_socket.Options.SetBuffer(64 * 1024, 64 * 1024)|};
                }
            }

            public class FeedClient
            {
                private readonly ClientWebSocket _socket = new();

                internal FeedClient()
                {
                    {|#1:_socket.Options.SetBuffer(64 * 1024, 64 * 1024)|};
                }
            }
            """;
        var test = Verifier.Create(Usings + Before, TargetFrameworks.Net100AspNetCore);
        foreach (var location in new[] { 0, 1 })
        {
            test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(location).WithArguments(
                "ClientWebSocketOptions.SetBuffer", "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"));
        }

        test.FixedCode = Usings + """
            public class RelayClient
            {
                private readonly ClientWebSocket _socket = new();
            }

            public class FeedClient
            {
                private readonly ClientWebSocket _socket = new();

                internal FeedClient()
                {
                }
            }
            """;
        return test.RunAsync();
    }

    [Fact]
    public Task FlagsTheIgnoredSizesOfCreateClientWebSocketWithoutAFix()
    {
        var source = Usings + """
            class Client
            {
                WebSocket Create(Stream stream) =>
                    {|#0:WebSocket.CreateClientWebSocket(stream, null, 1 << 20, 1 << 20, TimeSpan.FromSeconds(30), false, WebSocket.CreateClientBuffer(1 << 20, 1 << 20))|};
            }
            """;
        var test = Verifier.Create(source, TargetFrameworks.Net100AspNetCore);
        test.ExpectedDiagnostics.Add(Verifier.Diagnostic().WithLocation(0).WithArguments(
            "The buffer sizes of WebSocket.CreateClientWebSocket", "they are checked, then ignored, with the internal buffer"));
        test.FixedCode = source;
        return test.RunAsync();
    }

    [Fact]
    public Task QuietOnSettingsThatMatter() => Verifier.AnalyzerAsync(Usings + """
        class Startup
        {
            void Configure(IApplicationBuilder app, ClientWebSocket socket)
            {
                app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
                var other = new Other { ReceiveBufferSize = 4096 };
            }
        }

        class Other
        {
            public int ReceiveBufferSize { get; set; }
        }
        """, TargetFrameworks.Net100AspNetCore);

    [Fact]
    public Task FlagsAWrapperWhoseCallerChoosesTheSizes() => Verifier.AnalyzerAsync(
        Usings + """
            static class Sockets
            {
                public const int BufferBytes = 1024;

                public static ClientWebSocket Configured(int receiveBufferSize, int sendBufferSize)
                {
                    var socket = new ClientWebSocket();
                    {|#0:socket.Options.SetBuffer(receiveBufferSize, sendBufferSize)|};
                    return socket;
                }
            }

            class GameClient
            {
                private readonly ClientWebSocket _socket = Sockets.Configured(Sockets.BufferBytes, Sockets.BufferBytes);
            }
            """,
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments("ClientWebSocketOptions.SetBuffer", "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"));

    [Fact]
    public Task FlagsSizesHeldInAFieldTheProjectFillsWithAConstant() => Verifier.AnalyzerAsync(
        Usings + """
            class Client
            {
                private static readonly int BufferBytes = 1 << 20;

                void Configure(ClientWebSocket socket) => {|#0:socket.Options.SetBuffer(BufferBytes, BufferBytes)|};
            }
            """,
        TargetFrameworks.Net100AspNetCore,
        Verifier.Diagnostic().WithLocation(0).WithArguments("ClientWebSocketOptions.SetBuffer", "on .NET Core and .NET 5+ the sizes are checked for being positive, then ignored"));

    /// <summary>A library passing on what its users configure is not the one raising the knob.</summary>
    [Fact]
    public Task QuietOnSizesPassedOnFromTheLibrarysOwnOptionsOrItsPublicCallers() => Verifier.AnalyzerAsync(Usings + """
        public sealed class FeedOptions
        {
            public FeedOptions() => ReceiveBufferSize = 16 * 1024;

            public int ReceiveBufferSize { get; set; }

            public int SendBufferSize { get; set; } = 16 * 1024;
        }

        public sealed class FeedClient
        {
            private readonly ClientWebSocket _socket = new();

            public FeedClient(FeedOptions options) => _socket.Options.SetBuffer(options.ReceiveBufferSize, options.SendBufferSize);

            public static ClientWebSocket Create(int receiveBufferSize, int sendBufferSize)
            {
                var socket = new ClientWebSocket();
                socket.Options.SetBuffer(receiveBufferSize, sendBufferSize);
                return socket;
            }
        }

        public sealed class FeedServer
        {
            public FeedServer(IApplicationBuilder app, FeedOptions options) =>
                app.UseWebSockets(new WebSocketOptions { ReceiveBufferSize = options.ReceiveBufferSize });
        }
        """, TargetFrameworks.Net100AspNetCore);
}
