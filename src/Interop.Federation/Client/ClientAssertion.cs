using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Client;

/// <summary>Builds private_key_jwt client assertions (RFC 7523 section 3, NL GOV Assurance profile).</summary>
public static class ClientAssertion
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// A signed assertion: iss = sub = <paramref name="clientId"/>, aud = <paramref name="audience"/> (the token
    /// endpoint), a random 128-bit jti (22 base64url characters), iat = nbf = now, exp = now + <paramref name="lifetime"/>.
    /// </summary>
    public static string Create(string clientId, string audience, SecurityKey signingKey, string algorithm, DateTimeOffset now, TimeSpan lifetime)
    {
        if (algorithm is not (SecurityAlgorithms.RsaSha256 or SecurityAlgorithms.RsaSsaPssSha256 or SecurityAlgorithms.EcdsaSha256))
        {
            throw new ArgumentException("Use RS256, PS256 or ES256.", nameof(algorithm));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = clientId,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = clientId,
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
        };
        return Handler.CreateToken(descriptor);
    }
}
