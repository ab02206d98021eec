using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WsLimits.Package.Tests;

/// <summary>Runs the .NET CLI the way a user or CI does, with a time limit, and returns what it printed.</summary>
internal static class DotnetCli
{
    public static async Task<string> RunAsync(string workingDirectory, params string[] arguments)
    {
        var (exitCode, printed) = await RunUncheckedAsync(workingDirectory, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({exitCode}):\n{printed}");
        }

        return printed;
    }

    /// <summary>Like <see cref="RunAsync"/>, for commands whose failure is the point: returns the exit code as well.</summary>
    public static async Task<(int ExitCode, string Printed)> RunUncheckedAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // No build server or MSBuild node may outlive the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        // The paths the test host's own SDK set must not steer the builds under test.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(5))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took over 5 minutes");
        }

        return (process.ExitCode, await output + await error);
    }
}
