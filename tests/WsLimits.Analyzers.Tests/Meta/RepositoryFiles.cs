using System.IO;
using WsLimits.Tests.Shared;

namespace WsLimits.Analyzers.Tests.Meta;

/// <summary>Reads files of this repository.</summary>
internal static class RepositoryFiles
{
    public static string Path(params string[] parts) => System.IO.Path.Combine(RepositoryRoot.Path, System.IO.Path.Combine(parts));

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));
}
