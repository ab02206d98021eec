using System.IO;
using WsLimits.Tests.Shared;

namespace WsLimits.PeerLab.Tests.Peers;

internal static class RepositoryPaths
{
    public static readonly string Peers = Path.Combine(RepositoryRoot.Path, "tests", "peers");
}
