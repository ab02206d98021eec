using System;
using System.IO;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>Finds files of this repository from the test's output folder.</summary>
internal static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine(Root, System.IO.Path.Combine(parts));

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "WsLimits.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WsLimits.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
