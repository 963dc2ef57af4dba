using System.Net;
using System.Text.Json;
using Interop.Caching;
using Interop.Federation.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Interop.Federation.Tests.TokenService;

public sealed class MultiNodeAndRotationTests
{
    [Fact]
    public async Task TwoNodesSharingState_ReplayOnSecondNode_Refused()
    {
        var shared = new InMemorySharedStateStore();
        await using var node1 = await HubServer.StartAsync(sharedState: shared);
        await using var node2 = await HubServer.StartAsync(sharedState: shared, databasePath: node1.DatabasePath);
        await Seed.GemeenteAsync(node1.Partners);

        var assertion = Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key);
        Assert.Equal(HttpStatusCode.OK, (await node1.PostAssertionAsync(assertion)).Status);
        var replay = await node2.PostAssertionAsync(assertion);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("invalid_client", replay.Error);
    }

    [Fact]
    public async Task Rotation_ThroughHttp_NewKeyPublishedBeforeSigning_OldKeptUntilTokensExpire()
    {
        var time = new TestTimeProvider(DateTimeOffset.UtcNow);
        await using var hub = await HubServer.StartAsync(
            o => { o.SigningKeyRotationPeriod = TimeSpan.FromDays(30); o.SigningKeyPublicationLeadTime = TimeSpan.FromDays(1); },
            timeProvider: time);
        await Seed.GemeenteAsync(hub.Partners);

        var original = await IssueKidAsync(hub, time);
        Assert.Equal([original], await PublishedKidsAsync(hub));

        time.Advance(TimeSpan.FromDays(29));
        var published = await PublishedKidsAsync(hub);
        Assert.Equal(2, published.Count);
        Assert.Equal(original, await IssueKidAsync(hub, time));

        time.Advance(TimeSpan.FromDays(1));
        var successor = await IssueKidAsync(hub, time);
        Assert.NotEqual(original, successor);
        Assert.Contains(original, await PublishedKidsAsync(hub));

        // Retired once the longest token (10 min) plus skew (30 s) has passed.
        time.Advance(TimeSpan.FromMinutes(10.5));
        Assert.Equal([successor], await PublishedKidsAsync(hub));
    }

    private static async Task<string> IssueKidAsync(HubServer hub, TestTimeProvider time)
    {
        var result = await hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, time.GetUtcNow()), TestKeys.ClientRsa.Key));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        return new JsonWebToken(result.AccessToken).Kid;
    }

    private static async Task<List<string>> PublishedKidsAsync(HubServer hub)
    {
        var jwks = JsonDocument.Parse(await hub.Http.GetStringAsync("/jwks").WaitAsync(TimeSpan.FromSeconds(10))).RootElement;
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }
}
