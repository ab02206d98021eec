namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>The usings of ASP.NET Core SignalR servers and .NET SignalR clients, and of ASP.NET SignalR 2 servers.</summary>
internal static class SignalRSources
{
    public const string Usings = """
        using System;
        using System.IO;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http.Connections;
        using Microsoft.AspNetCore.Http.Connections.Client;
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;
        using Microsoft.Extensions.DependencyInjection;

        """;

    public const string AspNetSignalRUsings = """
        using System;
        using Microsoft.AspNet.SignalR;
        using Microsoft.AspNet.SignalR.Configuration;

        """;
}
