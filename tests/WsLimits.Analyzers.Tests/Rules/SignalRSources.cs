namespace WsLimits.Analyzers.Tests.Rules;

/// <summary>The usings of ASP.NET Core SignalR servers and .NET SignalR clients.</summary>
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
}
