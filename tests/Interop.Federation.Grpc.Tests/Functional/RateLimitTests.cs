using Interop.Caching;
using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

public sealed class RateLimitTests
{
    [Fact]
    public async Task OverLimit_ResourceExhausted_WithRetryHint_ThenNextWindowAllowed()
    {
        var clock = new TestTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 10, TimeSpan.Zero));
        await using var server = await AuthzServer.StartAsync(o => o.RateLimitPerWindow = 3, clock);
        var client = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.GemeenteClient, SecurityKeyChoice.Gemeente));
        var other = new Referrals.ReferralsClient(server.InvokerFor(TestPartners.RocClient, SecurityKeyChoice.Roc));

        for (var i = 0; i < 3; i++)
        {
            await client.ReadAsync();
        }

        var ex = await client.RefusedReadAsync();
        var otherClient = await other.ReadAsync();
        clock.Advance(TimeSpan.FromSeconds(50));
        var nextWindow = await client.ReadAsync();

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("50", ex.Trailers.GetValue("retry-after"));
        Assert.Contains("retry after 50 s", ex.Status.Detail, StringComparison.Ordinal);
        var details = Google.Rpc.Status.Parser.ParseFrom(ex.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal("client:" + TestPartners.GemeenteClient, details.Details.Single().Unpack<Google.Rpc.QuotaFailure>().Violations.Single().Subject);
        Assert.Equal(TestPartners.RocClient, otherClient.ClientId);
        Assert.Equal(TestPartners.GemeenteClient, nextWindow.ClientId);
    }

    [Fact]
    public async Task TwoNodesSharingOneStore_CountTogether()
    {
        var clock = new TestTimeProvider();
        var shared = new InMemorySharedStateStore(clock);
        await using var nodeA = await AuthzServer.StartAsync(o => o.RateLimitPerWindow = 3, clock, shared);
        await using var nodeB = await AuthzServer.StartAsync(o => o.RateLimitPerWindow = 3, clock, shared, nodeA.DatabasePath, seed: false);
        var token = await nodeA.GemeenteTokenAsync();
        var viaA = new Referrals.ReferralsClient(nodeA.Channel);
        var viaB = new Referrals.ReferralsClient(nodeB.Channel);

        await viaA.ReadAsync(Bearer(token));
        await viaB.ReadAsync(Bearer(token));
        await viaA.ReadAsync(Bearer(token));
        var ex = await viaB.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task LimitZero_Off()
    {
        await using var server = await AuthzServer.StartAsync(o => o.RateLimitPerWindow = 0, sharedState: new UnavailableStore());
        var client = new Referrals.ReferralsClient(server.Channel);
        var token = HubTokens.Create(await server.HubSigningCredentialsAsync(), server.Clock.GetUtcNow());

        var echo = await client.ReadAsync(Bearer(token));

        Assert.Equal(TestPartners.GemeenteClient, echo.ClientId);
    }

    [Fact]
    public async Task SharedStateDown_FailsClosedWithUnavailable()
    {
        await using var server = await AuthzServer.StartAsync(sharedState: new UnavailableStore());
        var client = new Referrals.ReferralsClient(server.Channel);
        // The token service needs the store for replay protection, so the token is crafted with the hub's key.
        var token = HubTokens.Create(await server.HubSigningCredentialsAsync(), server.Clock.GetUtcNow());

        var ex = await client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains(server.Logs.Entries, e => e.EventId.Id == 7);
    }

    /// <summary>Redis unreachable, as RedisSharedStateStore reports it.</summary>
    private sealed class UnavailableStore : ISharedStateStore
    {
        public Task<bool> TryAddAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            throw new SharedStateUnavailableException("redis down");

        public Task<long> IncrementAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
            throw new SharedStateUnavailableException("redis down");
    }
}
