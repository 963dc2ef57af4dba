using System.Net;
using Interop.Caching;
using Interop.Caching.Tests.Infrastructure;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.TokenService;

/// <summary>
/// Two hub nodes as production runs them: one partner database, and each node with its own connection to one real
/// redis-server (started by the test). An assertion used on one node must be refused by the other.
/// </summary>
public sealed class RedisMultiNodeTests
{
    [Fact]
    public async Task TwoNodesSharingRedis_ReplayOnSecondNode_Refused()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var connection1 = new RedisConnection(redis.Configuration);
        await using var connection2 = new RedisConnection(redis.Configuration);
        await using var node1 = await HubServer.StartAsync(sharedState: new RedisSharedStateStore(connection1, "interop:"));
        await using var node2 = await HubServer.StartAsync(sharedState: new RedisSharedStateStore(connection2, "interop:"), databasePath: node1.DatabasePath);
        await Seed.GemeenteAsync(node1.Partners);

        var assertion = Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key);
        var first = await node1.PostAssertionAsync(assertion).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var replay = await node2.PostAssertionAsync(assertion).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("invalid_client", replay.Error);

        // A fresh assertion still works on the second node: the refusal was the replay, not the node.
        var fresh = Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key);
        Assert.Equal(HttpStatusCode.OK, (await node2.PostAssertionAsync(fresh).WaitAsync(TimeSpan.FromSeconds(30))).Status);
    }

    [Fact]
    public async Task RedisDown_TokenRequest_FailsClosed()
    {
        var redis = await RedisServer.StartAsync();
        // Short timeouts, as a deployment sets them: the outage must surface within the request, not after the
        // client library's 5 s defaults plus reconnect attempts (which, on a loaded machine, outlast the test client).
        await using var connection = new RedisConnection(redis.Configuration + ",connectTimeout=500,syncTimeout=1000");
        await using var node = await HubServer.StartAsync(sharedState: new RedisSharedStateStore(connection, "interop:"));
        // The outage is an operational error and is logged as one.
        node.AllowErrorLogs = true;
        await Seed.GemeenteAsync(node.Partners);
        await redis.DisposeAsync();

        // Without the replay store no assertion can be proven fresh, so none is accepted (503 temporarily_unavailable).
        var assertion = Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, DateTimeOffset.UtcNow), TestKeys.ClientRsa.Key);
        var result = await node.PostAssertionAsync(assertion).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, result.Status);
        Assert.Equal("temporarily_unavailable", result.Error);
        Assert.Contains(node.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error);
    }
}
