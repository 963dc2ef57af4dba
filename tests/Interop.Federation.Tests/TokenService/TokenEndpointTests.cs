using System.Net;
using System.Text.Json;
using Interop.Federation.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Tests.TokenService;

/// <summary>The token service's successful flows, on real Kestrel.</summary>
public sealed class TokenEndpointTests : IAsyncLifetime
{
    private HubServer _hub = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        _hub = await HubServer.StartAsync(options =>
        {
            TokenExchangeSetup.TrustIdp(options);
            options.ScopesSupported = ["referrals.read", "referrals.write", "status.read"];
        });
        await Seed.GemeenteAsync(_hub.Partners);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task ClientCredentials_Rs256Assertion_IssuesRfc9068AccessToken()
    {
        var result = await _hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), TestKeys.ClientRsa.Key));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("no-store", result.CacheControl);
        Assert.Equal("Bearer", result.Body.GetProperty("token_type").GetString());
        Assert.Equal(300, result.Body.GetProperty("expires_in").GetInt32());
        Assert.Equal("referrals.read referrals.write status.read", result.Body.GetProperty("scope").GetString());

        var token = await ValidateAgainstPublishedJwksAsync(result.AccessToken);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(Seed.GemeenteClient, token.Subject);
        Assert.Equal(Seed.GemeenteClient, token.GetClaim("client_id").Value);
        Assert.Equal(Seed.GemeenteOin, token.GetClaim("oin").Value);
        Assert.Equal("gemeente", token.GetClaim("org_kind").Value);
        Assert.Equal("RMC23", token.GetClaim("rmc_region").Value);
        Assert.Equal("urn:interop:hub", Assert.Single(token.Audiences));
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.IssuedAt);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
        Assert.True(token.Id.Length >= 22);
    }

    [Fact]
    public async Task ClientCredentials_Ps256Assertion_IsAccepted()
    {
        var result = await _hub.PostAssertionAsync(
            Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), TestKeys.ClientRsa.Key, SecurityAlgorithms.RsaSsaPssSha256), scope: "status.read");
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("status.read", result.Body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task ClientCredentials_Es256Assertion_IsAccepted()
    {
        await Seed.RocWithEcKeyAsync(_hub.Partners);
        var result = await _hub.PostAssertionAsync(
            Assertions.Sign(Assertions.Claims(Seed.RocClient, HubServer.TokenEndpoint, Now), TestKeys.ClientEc.Key, SecurityAlgorithms.EcdsaSha256));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var token = new JsonWebToken(result.AccessToken);
        Assert.Equal("roc", token.GetClaim("org_kind").Value);
        Assert.False(token.TryGetClaim("rmc_region", out _));
    }

    [Fact]
    public async Task HubPartner_GetsTokensTheSameWay()
    {
        await Seed.HubPartnerAsync(_hub.Partners);
        var result = await _hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims(Seed.HubClient, HubServer.TokenEndpoint, Now), TestKeys.OtherRsa.Key));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        var token = await ValidateAgainstPublishedJwksAsync(result.AccessToken);
        Assert.Equal("hub", token.GetClaim("org_kind").Value);
        Assert.Equal(Seed.HubOin, token.GetClaim("oin").Value);
        Assert.Equal("federation.forward", token.GetClaim("scope").Value);
    }

    [Fact]
    public async Task TokenExchange_TrustedIssuer_IssuesHubTokenWithIntersectedScopes()
    {
        var form = TokenExchangeSetup.ExchangeForm(
            Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), TestKeys.ClientRsa.Key),
            TokenExchangeSetup.ExternalToken(Now));
        var result = await _hub.PostTokenAsync(form);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", result.Body.GetProperty("issued_token_type").GetString());
        // Trust allows referrals.read + status.read; the client allows those and referrals.write: the intersection.
        Assert.Equal("referrals.read status.read", result.Body.GetProperty("scope").GetString());
        var token = await ValidateAgainstPublishedJwksAsync(result.AccessToken);
        Assert.Equal(HubServer.Issuer, token.Issuer);
        Assert.Equal(TokenExchangeSetup.IdpIssuer, token.GetClaim("source_iss").Value);
        Assert.Equal("medewerker-42", token.GetClaim("source_sub").Value);
        Assert.Equal(Seed.GemeenteOin, token.GetClaim("oin").Value);
    }

    [Fact]
    public async Task ClientWithJwksUrl_KeysAreFetchedOnceAndCached()
    {
        var fetches = 0;
        await using var keyHost = await HubServer.StartAsync(mapExtra: app => Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(app, "/client-jwks", () =>
        {
            Interlocked.Increment(ref fetches);
            return Microsoft.AspNetCore.Http.Results.Text(TestKeys.ClientEc.Jwks, "application/json");
        }));
        await _hub.Partners.AddOrganisationAsync(new Federation.Registry.Organisation(Seed.RocOin, "ROC", Federation.Registry.OrganisationKind.Roc, null));
        await _hub.Partners.AddClientAsync(new Federation.Registry.ApiClient("roc-url", Seed.RocOin, null, new Uri(keyHost.BaseAddress, "/client-jwks"), ["referrals.write"]));

        for (var i = 0; i < 2; i++)
        {
            var result = await _hub.PostAssertionAsync(Assertions.Sign(Assertions.Claims("roc-url", HubServer.TokenEndpoint, Now), TestKeys.ClientEc.Key, SecurityAlgorithms.EcdsaSha256));
            Assert.Equal(HttpStatusCode.OK, result.Status);
        }

        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task Metadata_NamesEndpointsGrantsAndAlgorithms()
    {
        using var response = await _hub.Http.GetAsync("/.well-known/oauth-authorization-server").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metadata = JsonDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10))).RootElement;
        Assert.Equal(HubServer.Issuer, metadata.GetProperty("issuer").GetString());
        Assert.Equal(HubServer.TokenEndpoint, metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(HubServer.Issuer + "/jwks", metadata.GetProperty("jwks_uri").GetString());
        Assert.Equal(["private_key_jwt"], metadata.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["RS256", "PS256", "ES256"], metadata.GetProperty("token_endpoint_auth_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(
            ["client_credentials", "urn:ietf:params:oauth:grant-type:token-exchange"],
            metadata.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, metadata.GetProperty("scopes_supported").GetArrayLength());
    }

    [Fact]
    public async Task Jwks_PublishesPublicKeysOnly()
    {
        var jwks = await _hub.Http.GetStringAsync("/jwks").WaitAsync(TimeSpan.FromSeconds(10));
        var key = Assert.Single(JsonDocument.Parse(jwks).RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(["kty", "use", "alg", "kid", "n", "e"], key.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
    }

    [Fact]
    public async Task SigningKey_SurvivesRestart_NotRegenerated()
    {
        var before = JsonDocument.Parse(await _hub.Http.GetStringAsync("/jwks").WaitAsync(TimeSpan.FromSeconds(10))).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString();
        await using var restarted = await HubServer.StartAsync(databasePath: _hub.DatabasePath);
        var after = JsonDocument.Parse(await restarted.Http.GetStringAsync("/jwks").WaitAsync(TimeSpan.FromSeconds(10))).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString();
        Assert.Equal(before, after);
    }

    private async Task<JsonWebToken> ValidateAgainstPublishedJwksAsync(string accessToken)
    {
        var jwks = new JsonWebKeySet(await _hub.Http.GetStringAsync("/jwks").WaitAsync(TimeSpan.FromSeconds(10)));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = HubServer.Issuer,
            ValidAudience = "urn:interop:hub",
            IssuerSigningKeys = jwks.Keys,
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = ["RS256"],
        }).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
