using Interop.Federation.TokenService;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.TokenService;

/// <summary>A gemeente's own identity provider, trusted to speak for the gemeente.</summary>
public static class TokenExchangeSetup
{
    public const string IdpIssuer = "https://idp.gemeente-utrecht.test";

    public static void TrustIdp(TokenServiceOptions options) => options.TrustedIssuers.Add(new TrustedIssuerOptions
    {
        Issuer = IdpIssuer,
        Jwks = TestKeys.IdpRsa.Jwks,
        OrganisationOin = Seed.GemeenteOin,
        MaxScopes = ["referrals.read", "status.read"],
    });

    public static string ExternalToken(DateTimeOffset now, string issuer = IdpIssuer, string audience = "urn:interop:hub", TimeSpan? lifetime = null, Microsoft.IdentityModel.Tokens.SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["sub"] = "medewerker-42",
            ["aud"] = audience,
            ["jti"] = Assertions.NewJti(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds(),
            ["scope"] = "referrals.read",
        };
        return Assertions.Sign(claims, key ?? TestKeys.IdpRsa.Key, typ: "at+jwt");
    }

    public static Dictionary<string, string> ExchangeForm(string clientAssertion, string subjectToken, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = OAuthConstants.TokenExchangeGrant,
            ["client_assertion_type"] = OAuthConstants.JwtBearerAssertionType,
            ["client_assertion"] = clientAssertion,
            ["subject_token"] = subjectToken,
            ["subject_token_type"] = OAuthConstants.AccessTokenType,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return form;
    }
}
