using System.Net;
using Interop.Federation.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Tests.TokenService;

/// <summary>Every abuse of the token endpoint is refused with the exact RFC 6749 section 5.2 error.</summary>
public sealed class TokenEndpointAbuseTests : IAsyncLifetime
{
    private HubServer _hub = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        _hub = await HubServer.StartAsync(TokenExchangeSetup.TrustIdp);
        await Seed.GemeenteAsync(_hub.Partners);
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public Task Rejects_ExpiredAssertion() => ExpectRefusal(
        Claims(c => { c["iat"] = Now.AddMinutes(-3).ToUnixTimeSeconds(); c["exp"] = Now.AddMinutes(-2).ToUnixTimeSeconds(); }), "invalid_client", "Expired");

    [Fact]
    public Task Rejects_NotYetValidAssertion() => ExpectRefusal(
        Claims(c => { c["nbf"] = Now.AddMinutes(2).ToUnixTimeSeconds(); c["exp"] = Now.AddMinutes(3).ToUnixTimeSeconds(); }), "invalid_client", "NotYetValid");

    [Fact]
    public Task Rejects_AssertionIssuedInTheFuture() => ExpectRefusal(
        Claims(c => c["iat"] = Now.AddMinutes(2).ToUnixTimeSeconds()), "invalid_client", "IssuedInFuture");

    [Fact]
    public Task Rejects_ExpTooFarAhead() => ExpectRefusal(
        Claims(c => c["exp"] = Now.AddMinutes(10).ToUnixTimeSeconds()), "invalid_client", "ExpiryTooFarAhead");

    [Fact]
    public Task Rejects_MissingExp() => ExpectRefusal(Claims(c => c.Remove("exp")), "invalid_client", "MissingExpiry");

    [Fact]
    public Task Rejects_WrongAudience() => ExpectRefusal(
        Claims(c => c["aud"] = "https://other-hub.test/token"), "invalid_client", "WrongAudience");

    [Fact]
    public Task Rejects_AssertionAimedAtAnotherEndpoint() => ExpectRefusal(
        Claims(c => c["aud"] = HubServer.Issuer + "/jwks"), "invalid_client", "AudienceIsAnotherEndpoint");

    [Fact]
    public Task Rejects_AudienceWithTrailingSlash() => ExpectRefusal(
        Claims(c => c["aud"] = HubServer.TokenEndpoint + "/"), "invalid_client", "AudienceIsAnotherEndpoint");

    [Fact]
    public Task Rejects_IssuerSubjectMismatch() => ExpectRefusal(
        Claims(c => c["sub"] = "someone-else"), "invalid_client", "IssuerSubjectMismatch");

    [Fact]
    public Task Rejects_UnknownClient() => ExpectRefusal(
        Claims(c => { c["iss"] = "nobody"; c["sub"] = "nobody"; }), "invalid_client", "UnknownClient");

    [Fact]
    public async Task Rejects_UnknownKid()
    {
        var key = new RsaSecurityKey(TestKeys.ClientRsa.Key.Rsa) { KeyId = "not-registered" };
        await ExpectRefusal(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), key), "invalid_client", "UnknownKid");
    }

    [Fact]
    public async Task Rejects_KeyOfAnotherClient()
    {
        var key = new RsaSecurityKey(TestKeys.OtherRsa.Key.Rsa) { KeyId = TestKeys.ClientRsa.Key.KeyId };
        await ExpectRefusal(Assertions.Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), key), "invalid_client", "BadSignature");
    }

    [Fact]
    public Task Rejects_AlgNone() => ExpectRefusal(
        Assertions.Unsigned(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), TestKeys.ClientRsa.Key.KeyId), "invalid_client", "AlgorithmNotAllowed");

    [Fact]
    public Task Rejects_Hs256SignedWithThePublicKey() => ExpectRefusal(
        Assertions.Hs256WithPublicKey(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now), TestKeys.ClientRsa.Key.KeyId, TestKeys.ClientRsa.Jwks),
        "invalid_client",
        "AlgorithmNotAllowed");

    [Fact]
    public Task Rejects_TamperedPayload() => ExpectRefusal(
        Assertions.Tamper(Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now)), p => p["exp"] = Now.AddMinutes(4).ToUnixTimeSeconds()),
        "invalid_client",
        "BadSignature");

    [Fact]
    public async Task Rejects_ReplayedAssertion()
    {
        var assertion = Sign(Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now));
        var first = await _hub.PostAssertionAsync(assertion);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        await ExpectRefusal(assertion, "invalid_client", "Replayed");
    }

    [Fact]
    public Task Rejects_ShortJti() => ExpectRefusal(Claims(c => c["jti"] = "abc123"), "invalid_client", "ShortJti");

    [Fact]
    public Task Rejects_ShortHexJti() => ExpectRefusal(Claims(c => c["jti"] = "0123456789abcdef0123456789ab"), "invalid_client", "ShortJti");

    [Fact]
    public Task Rejects_MissingJti() => ExpectRefusal(Claims(c => c.Remove("jti")), "invalid_client", "MissingJti");

    [Fact]
    public async Task Rejects_DisabledClient()
    {
        Assert.True(await _hub.Partners.SetClientEnabledAsync(Seed.GemeenteClient, false));
        await ExpectRefusal(Claims(_ => { }), "invalid_client", "ClientDisabled");
    }

    [Fact]
    public async Task Rejects_DisabledOrganisation()
    {
        Assert.True(await _hub.Partners.SetOrganisationEnabledAsync(Seed.GemeenteOin, false));
        await ExpectRefusal(Claims(_ => { }), "invalid_client", "OrganisationDisabled");
    }

    [Fact]
    public async Task Rejects_ReplacedKey()
    {
        Assert.True(await _hub.Partners.ReplaceClientKeysAsync(Seed.GemeenteClient, TestKeys.OtherRsa.Jwks, null));
        await ExpectRefusal(Claims(_ => { }), "invalid_client", "UnknownKid");
    }

    [Fact]
    public Task Rejects_ScopeEscalation() => ExpectRefusal(Claims(_ => { }), "invalid_scope", "ScopeNotAllowed", scope: "referrals.read admin.all");

    [Fact]
    public async Task Rejects_ScopeEscalationThroughTokenExchange()
    {
        // referrals.write is allowed to the client but not to the trust: the exchange may not widen to it.
        var form = TokenExchangeSetup.ExchangeForm(Claims(_ => { }), TokenExchangeSetup.ExternalToken(Now), scope: "referrals.read referrals.write");
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "invalid_scope", "ScopeNotAllowed");
    }

    [Fact]
    public async Task Rejects_ExternalTokenFromUntrustedIssuer()
    {
        var external = TokenExchangeSetup.ExternalToken(Now, issuer: "https://idp.evil.test");
        await ExpectRefusal(TokenExchangeSetup.ExchangeForm(Claims(_ => { }), external), HttpStatusCode.BadRequest, "invalid_grant", "UntrustedIssuer");
    }

    [Fact]
    public async Task Rejects_ExternalTokenSignedByAnotherKey()
    {
        var external = TokenExchangeSetup.ExternalToken(Now, key: TestKeys.OtherRsa.Key);
        await ExpectRefusal(TokenExchangeSetup.ExchangeForm(Claims(_ => { }), external), HttpStatusCode.BadRequest, "invalid_grant", "SubjectTokenInvalid");
    }

    [Fact]
    public async Task Rejects_ExpiredExternalToken()
    {
        var external = TokenExchangeSetup.ExternalToken(Now.AddMinutes(-10));
        await ExpectRefusal(TokenExchangeSetup.ExchangeForm(Claims(_ => { }), external), HttpStatusCode.BadRequest, "invalid_grant", "SubjectTokenExpired");
    }

    [Fact]
    public async Task Rejects_ExternalTokenForAnotherAudience()
    {
        var external = TokenExchangeSetup.ExternalToken(Now, audience: "urn:some:other-api");
        await ExpectRefusal(TokenExchangeSetup.ExchangeForm(Claims(_ => { }), external), HttpStatusCode.BadRequest, "invalid_grant", "SubjectTokenWrongAudience");
    }

    [Fact]
    public async Task Rejects_ExchangeByClientOfAnotherOrganisation()
    {
        await Seed.HubPartnerAsync(_hub.Partners);
        var assertion = Assertions.Sign(Assertions.Claims(Seed.HubClient, HubServer.TokenEndpoint, Now), TestKeys.OtherRsa.Key);
        var form = TokenExchangeSetup.ExchangeForm(assertion, TokenExchangeSetup.ExternalToken(Now));
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "unauthorized_client", "TrustNotForClientOrganisation");
    }

    [Fact]
    public async Task Rejects_UnsupportedGrantType()
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "u", ["password"] = "p" };
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "unsupported_grant_type", "UnsupportedGrantType");
    }

    [Fact]
    public async Task Rejects_MissingGrantType()
    {
        var form = new Dictionary<string, string> { ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", ["client_assertion"] = Claims(_ => { }) };
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "invalid_request", "MissingParameter");
    }

    [Fact]
    public async Task Rejects_MissingClientAssertion()
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" };
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "invalid_request", "MissingParameter");
    }

    [Fact]
    public async Task Rejects_NoClientAuthentication()
    {
        await ExpectRefusal(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, HttpStatusCode.Unauthorized, "invalid_client", "UnsupportedAuthenticationMethod");
    }

    [Fact]
    public async Task Rejects_ClientSecret()
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = Seed.GemeenteClient, ["client_secret"] = "hunter2" };
        await ExpectRefusal(form, HttpStatusCode.Unauthorized, "invalid_client", "UnsupportedAuthenticationMethod");
    }

    [Fact]
    public async Task Rejects_MissingSubjectToken()
    {
        var form = TokenExchangeSetup.ExchangeForm(Claims(_ => { }), "x");
        form.Remove("subject_token");
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "invalid_request", "MissingParameter");
    }

    [Fact]
    public async Task Rejects_RepeatedParameter()
    {
        using var content = new StringContent("grant_type=client_credentials&grant_type=client_credentials", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        using var response = await _hub.Http.PostAsync("/token", content).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"error\":\"invalid_request\"", await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_JsonBody()
    {
        using var content = new StringContent("{\"grant_type\":\"client_credentials\"}", System.Text.Encoding.UTF8, "application/json");
        using var response = await _hub.Http.PostAsync("/token", content).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("\"error\":\"invalid_request\"", await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_OversizedBody()
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["padding"] = new string('a', 100_000) };
        await ExpectRefusal(form, HttpStatusCode.BadRequest, "invalid_request", "MalformedRequest");
    }

    [Fact]
    public async Task Rejects_EncryptionKeyUsedForSigning()
    {
        var jwks = System.Text.Json.Nodes.JsonNode.Parse(TestKeys.ClientRsa.Jwks)!;
        jwks["keys"]![0]!["use"] = "enc";
        Assert.True(await _hub.Partners.ReplaceClientKeysAsync(Seed.GemeenteClient, jwks.ToJsonString(), null));
        await ExpectRefusal(Claims(_ => { }), "invalid_client", "UnknownKid");
    }

    [Fact]
    public Task Rejects_GarbageAssertion() => ExpectRefusal("not.a.jwt", "invalid_client", "MalformedAssertion");

    private static string Sign(Dictionary<string, object> claims) => Assertions.Sign(claims, TestKeys.ClientRsa.Key);

    private static string Claims(Action<Dictionary<string, object>> change)
    {
        var claims = Assertions.Claims(Seed.GemeenteClient, HubServer.TokenEndpoint, Now);
        change(claims);
        return Sign(claims);
    }

    private Task ExpectRefusal(string assertion, string error, string reason, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return ExpectRefusal(form, error == "invalid_client" ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest, error, reason);
    }

    private async Task ExpectRefusal(Dictionary<string, string> form, HttpStatusCode status, string error, string reason)
    {
        var result = await _hub.PostTokenAsync(form);
        Assert.Equal(status, result.Status);
        Assert.Equal(error, result.Error);
        Assert.Equal("no-store", result.CacheControl);
        // RFC 6749 section 5.2: error and error_description only; never a stack trace.
        Assert.All(result.Body.EnumerateObject(), p => Assert.Contains(p.Name, new[] { "error", "error_description" }));
        Assert.DoesNotContain("   at ", result.Text, StringComparison.Ordinal);
        // The refusal reason is logged (event 200), and the assertion itself never is.
        Assert.Contains(_hub.Logs.Entries, e => e.EventId.Id == 200 && e.Message.Contains($"({reason})", StringComparison.Ordinal));
        if (form.TryGetValue("client_assertion", out var assertion) && assertion.Length > 20)
        {
            Assert.DoesNotContain(_hub.Logs.Entries, e => e.Message.Contains(assertion, StringComparison.Ordinal));
        }
    }
}
