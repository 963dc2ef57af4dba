using System.Text;
using Interop.Federation.Client;
using Interop.Federation.Grpc.Tests.Infrastructure;
using Interop.Federation.Grpc.Tests.Peers;
using Interop.Federation.Grpc.Tests.Protos;
using Interop.Grpc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Interop.Federation.Grpc.Tests.Functional.Calls;

namespace Interop.Federation.Grpc.Tests.Functional;

/// <summary>Every bad credential on a method the caller's scopes would allow: each must end UNAUTHENTICATED.</summary>
public sealed class AuthenticationAbuseTests : IAsyncLifetime
{
    private AuthzServer _server = null!;
    private Referrals.ReferralsClient _client = null!;

    public async Task InitializeAsync()
    {
        // Maximum skew, so "beyond the skew" below means beyond 60 s.
        _server = await AuthzServer.StartAsync(o => o.ClockSkew = TimeSpan.FromSeconds(60));
        _client = new Referrals.ReferralsClient(_server.Channel);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task MissingToken_Unauthenticated_WithBareChallenge()
    {
        var ex = await _client.RefusedReadAsync();

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("Bearer", ex.Trailers.GetValue("www-authenticate"));
    }

    [Theory]
    [InlineData("Basic Z2VtZWVudGU6c2VjcmV0")]
    [InlineData("Token {0}")]
    [InlineData("{0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task MalformedAuthorization_Unauthenticated_WithInvalidTokenChallenge(string format)
    {
        var token = await _server.GemeenteTokenAsync();

        var ex = await _client.RefusedReadAsync(Authorization(string.Format(format, token)));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", ex.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task LowerCaseScheme_Accepted()
    {
        var echo = await _client.ReadAsync(Authorization("bearer " + await _server.GemeenteTokenAsync()));

        Assert.Equal(TestPartners.GemeenteClient, echo.ClientId);
    }

    [Fact]
    public async Task TwoAuthorizationHeaderFields_FromGrpcioPeer_Unauthenticated()
    {
        var token = await _server.GemeenteTokenAsync();

        // grpcio sends repeated metadata as separate header fields; the single-field call proves the peer itself works.
        var single = await PythonGrpcPeer.CallWithAuthorizationAsync(_server.Address, "Bearer " + token);
        var twice = await PythonGrpcPeer.CallWithAuthorizationAsync(_server.Address, "Bearer " + token, "Bearer " + token);

        Assert.Equal("OK", single);
        Assert.Equal("UNAUTHENTICATED", twice);
        Assert.Contains(_server.Logs.Entries, e => e.EventId.Id == 1 && e.Message.Contains("more than one authorization header", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoAuthorizationValues_FromDotNetClient_Unauthenticated()
    {
        var token = await _server.GemeenteTokenAsync();
        var headers = new Metadata { { "authorization", "Bearer " + token }, { "authorization", "Bearer " + token } };

        // HttpClient folds the two values into one comma-joined field, which is no valid b64token.
        var ex = await _client.RefusedReadAsync(headers);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Expired_BeyondSkew_Unauthenticated()
    {
        var token = await _server.GemeenteTokenAsync();
        _server.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(61));

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("The access token has expired.", ex.Status.Detail);
    }

    [Fact]
    public async Task Expired_WithinSkew_Accepted()
    {
        var token = await _server.GemeenteTokenAsync();
        _server.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(59));

        var echo = await _client.ReadAsync(Bearer(token));

        Assert.Equal(TestPartners.GemeenteClient, echo.ClientId);
    }

    [Fact]
    public async Task NotYetValid_BeyondSkew_Unauthenticated()
    {
        var now = _server.Clock.GetUtcNow();
        var token = HubTokens.Create(await _server.HubSigningCredentialsAsync(), now, d => d.NotBefore = now.AddSeconds(61).UtcDateTime);

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task WrongAudience_Unauthenticated()
    {
        var token = HubTokens.Create(await _server.HubSigningCredentialsAsync(), _server.Clock.GetUtcNow(), d => d.Audience = "urn:interop:other-hub");

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task WrongIssuer_SignedByHubKey_Unauthenticated()
    {
        var token = HubTokens.Create(await _server.HubSigningCredentialsAsync(), _server.Clock.GetUtcNow(), d => d.Issuer = "https://evil.example");

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task UnknownKid_Unauthenticated()
    {
        var token = HubTokens.Create(HubTokens.ForeignRsa("not-a-hub-key"), _server.Clock.GetUtcNow());

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains(_server.Logs.Entries, e => e.EventId.Id == 2 && e.Message.Contains("unknown kid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForeignKeyClaimingHubKid_Unauthenticated()
    {
        var hubKid = (await _server.HubSigningCredentialsAsync()).Key.KeyId;
        var token = HubTokens.Create(HubTokens.ForeignRsa(hubKid), _server.Clock.GetUtcNow());

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task AlgNone_Unauthenticated()
    {
        var valid = await _server.GemeenteTokenAsync();
        var (header, payload, _) = HubTokens.Split(valid);
        var kid = new JsonWebToken(valid).Kid;
        var noneHeader = HubTokens.Segment($$"""{"alg":"none","kid":"{{kid}}","typ":"at+jwt"}""");

        var ex = await _client.RefusedReadAsync(Bearer(noneHeader + "." + payload + "."));

        Assert.NotEqual(header, noneHeader);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Hs256SignedWithPublicKeyAsSecret_Unauthenticated()
    {
        var credentials = await _server.HubSigningCredentialsAsync();
        var publicJwk = JsonWebKeyConverter.ConvertFromRSASecurityKey((RsaSecurityKey)credentials.Key);
        // The classic confusion attack: the attacker knows the published key and uses its bytes as the HMAC secret.
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(publicJwk.N + publicJwk.E)) { KeyId = credentials.Key.KeyId };
        var token = HubTokens.Create(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), _server.Clock.GetUtcNow());

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task TamperedPayload_Unauthenticated()
    {
        var (header, payload, signature) = HubTokens.Split(await _server.GemeenteTokenAsync(TestPartners.ReadScope));
        var json = Base64UrlEncoder.Decode(payload).Replace("\"referrals.read\"", "\"referrals.read referrals.write\"", StringComparison.Ordinal);
        var tampered = header + "." + HubTokens.Segment(json) + "." + signature;

        var ex = await Assert.ThrowsAsync<RpcException>(() => _client.WriteAsync(new Probe(), Bearer(tampered)).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Contains("referrals.write", json, StringComparison.Ordinal);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task IdTokenTyp_SignedByHubKey_Unauthenticated()
    {
        var token = HubTokens.Create(await _server.HubSigningCredentialsAsync(), _server.Clock.GetUtcNow(), d => d.TokenType = "JWT");

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task ClientAssertionPresentedAsAccessToken_Unauthenticated()
    {
        var assertion = ClientAssertion.Create(
            TestPartners.GemeenteClient, AuthzServer.Issuer + "/token", TestPartners.GemeenteSigningKey, SecurityAlgorithms.RsaSha256, _server.Clock.GetUtcNow(), TimeSpan.FromMinutes(1));

        var ex = await _client.RefusedReadAsync(Bearer(assertion));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task ExternalIssuersAccessToken_Unauthenticated()
    {
        // A gemeente's own IdP issues a perfectly formed RFC 9068 token: gRPC must still refuse it (exchange it first).
        var token = HubTokens.Create(HubTokens.ForeignRsa("idp-key-1"), _server.Clock.GetUtcNow(), d =>
        {
            d.Issuer = "https://idp.gemeente-utrecht.test";
            d.Audience = "urn:interop:hub";
        });

        var ex = await _client.RefusedReadAsync(Bearer(token));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", ex.Trailers.GetValue("www-authenticate"));
    }

    [Fact]
    public async Task Refusals_NeverLogTheToken()
    {
        var token = await _server.GemeenteTokenAsync();
        _server.Clock.Advance(TimeSpan.FromMinutes(10));

        await _client.RefusedReadAsync(Bearer(token));

        var (_, _, signature) = HubTokens.Split(token);
        Assert.DoesNotContain(_server.Logs.Entries, e => e.Message.Contains(signature, StringComparison.Ordinal));
    }
}
