using System;
using System.IO;

namespace WsLimits.Tests.Shared;

/// <summary>The repository's root folder, found from a test's output folder; linked into every test project that reads repository files.</summary>
internal static class RepositoryRoot
{
    public static readonly string Path = Find();

    private static string Find()
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
