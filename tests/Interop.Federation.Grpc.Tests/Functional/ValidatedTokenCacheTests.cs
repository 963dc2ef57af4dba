using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Federation.Keys;
using Interop.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

/// <summary>The validated-token cache on a real node: a token accepted once is still refused when it must be.</summary>
public sealed class ValidatedTokenCacheTests : IAsyncLifetime
{
    private AuthzServer _server = null!;
    private Referrals.ReferralsClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await AuthzServer.StartAsync();
        _client = new Referrals.ReferralsClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CachedToken_PastExpPlusSkew_Unauthenticated()
    {
        var token = await _server.GemeenteTokenAsync();
        await _client.ReadAsync(Bearer(token));
        await _client.ReadAsync(Bearer(token));

        _server.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("The access token has expired.", ex.Status.Detail);
    }

    [Fact]
    public async Task CachedToken_SigningKeyRetiredInStore_UnauthenticatedAfterKeyRefresh()
    {
        var token = await _server.GemeenteTokenAsync();
        await _client.ReadAsync(Bearer(token));
        var kid = new JsonWebToken(token).Kid;

        // Revocation: the key leaves the published set now; validation keys are re-read every minute (the default).
        var store = _server.Services.GetRequiredService<ISigningKeyStore>();
        await store.SetSigningKeyRetiresAtAsync(kid, _server.Clock.GetUtcNow()).WaitAsync(CallTimeout);
        var beforeRefresh = await _client.ReadAsync(Bearer(token));
        _server.Clock.Advance(TimeSpan.FromMinutes(1));
        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(TestPartners.GemeenteClient, beforeRefresh.ClientId);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(_server.Logs.Entries, e => e.EventId.Id == 2 && e.Message.Contains("unknown kid", StringComparison.Ordinal));
    }
}
