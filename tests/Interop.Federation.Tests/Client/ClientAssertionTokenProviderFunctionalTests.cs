using Interop.Federation.Client;
using Interop.Federation.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Interop.Federation.Tests.Client;

public sealed class ClientAssertionTokenProviderFunctionalTests
{
    [Fact]
    public async Task Provider_AgainstRealHub_GetsToken()
    {
        await using var hub = await HubServer.StartAsync();
        await Seed.GemeenteAsync(hub.Partners);
        using var http = new HttpClient();
        using var provider = new ClientAssertionTokenProvider(http, new ClientAssertionOptions
        {
            TokenEndpoint = new Uri(hub.BaseAddress, "/token"),
            Audience = HubServer.TokenEndpoint,
            ClientId = Seed.GemeenteClient,
            SigningKey = TestKeys.ClientRsa.Key,
            Scope = "referrals.read",
        });

        var token = new JsonWebToken(await provider.GetAccessTokenAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("referrals.read", token.GetClaim("scope").Value);
        Assert.Equal(Seed.GemeenteOin, token.GetClaim("oin").Value);
    }
}
