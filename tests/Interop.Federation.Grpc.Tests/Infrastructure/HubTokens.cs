using System.Security.Cryptography;
using Interop.Federation.TokenService;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Tests.Infrastructure;

/// <summary>
/// Crafts tokens shaped like the hub's access tokens (the same claims AccessTokenIssuer writes), so each abuse test
/// changes exactly one thing. Valid tokens in the tests come from the real token service instead.
/// </summary>
public static class HubTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static SecurityTokenDescriptor Descriptor(SigningCredentials credentials, DateTimeOffset now, string scope = "referrals.read referrals.write") => new()
    {
        TokenType = OAuthConstants.AccessTokenJwtType,
        Issuer = AuthzServer.Issuer,
        Audience = "urn:interop:hub",
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = (now + TimeSpan.FromMinutes(5)).UtcDateTime,
        SigningCredentials = credentials,
        Claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = TestPartners.GemeenteClient,
            ["client_id"] = TestPartners.GemeenteClient,
            ["scope"] = scope,
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [HubClaimNames.Oin] = TestPartners.GemeenteOin,
            [HubClaimNames.OrganisationKind] = "gemeente",
            [HubClaimNames.RmcRegion] = "RMC23",
        },
    };

    public static string Create(SigningCredentials credentials, DateTimeOffset now, Action<SecurityTokenDescriptor>? tweak = null)
    {
        var descriptor = Descriptor(credentials, now);
        tweak?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    /// <summary>A fresh RSA key outside the hub's key ring.</summary>
    public static SigningCredentials ForeignRsa(string kid)
    {
        var rsa = RSA.Create(2048);
        return new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256);
    }

    /// <summary>Base64url of a JSON text, for hand-built tokens.</summary>
    public static string Segment(string json) => Base64UrlEncoder.Encode(json);

    /// <summary>Splits a compact JWS into header, payload and signature.</summary>
    public static (string Header, string Payload, string Signature) Split(string token)
    {
        var parts = token.Split('.');
        return (parts[0], parts[1], parts[2]);
    }
}
