using WsLimits.Analyzers.Peers;
using Xunit;

namespace WsLimits.Analyzers.Tests.Meta;

public sealed class PeerProfileDocsTests
{
    [Fact]
    public void EveryPeerProfileHasARowInThePeersPage()
    {
        var page = RepositoryFiles.Read("docs", "peers.md");
        Assert.All(PeerProfiles.All, profile => Assert.Contains($"| `{profile.Name}` |", page));
    }
}
