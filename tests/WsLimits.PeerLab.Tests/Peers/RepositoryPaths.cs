using System;
using System.IO;

namespace WsLimits.PeerLab.Tests.Peers;

internal static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    public static readonly string Peers = Path.Combine(Root, "tests", "peers");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WsLimits.Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WsLimits.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
