using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Tests.Infrastructure;

/// <summary>Builds client assertions and external tokens, including deliberately broken ones.</summary>
public static class Assertions
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static string NewJti() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

    /// <summary>The claims of a valid assertion; tests change what they need.</summary>
    public static Dictionary<string, object> Claims(string clientId, string audience, DateTimeOffset now, TimeSpan? lifetime = null) => new()
    {
        ["iss"] = clientId,
        ["sub"] = clientId,
        ["aud"] = audience,
        ["jti"] = NewJti(),
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = (now + (lifetime ?? TimeSpan.FromSeconds(60))).ToUnixTimeSeconds(),
    };

    public static string Sign(IDictionary<string, object> claims, SecurityKey key, string algorithm = SecurityAlgorithms.RsaSha256, string? typ = null) =>
        Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
            TokenType = typ,
        });

    /// <summary>An unsigned token (alg none): header.payload. with an empty signature.</summary>
    public static string Unsigned(IDictionary<string, object> claims, string? kid) =>
        Encode(new Dictionary<string, object?> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid }) + "." + Encode(claims) + ".";

    /// <summary>The classic confusion attack: HS256 keyed with the bytes of the client's public JWK set as the secret.</summary>
    public static string Hs256WithPublicKey(IDictionary<string, object> claims, string kid, string publicKeyText)
    {
        var signingInput = Encode(new Dictionary<string, object?> { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = kid }) + "." + Encode(claims);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicKeyText), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>A validly signed token whose payload is then swapped for another (signature no longer matches).</summary>
    public static string Tamper(string token, Action<Dictionary<string, object>> change)
    {
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        change(payload);
        return parts[0] + "." + Encode(payload) + "." + parts[2];
    }

    private static string Encode<T>(T value) => Base64UrlEncoder.Encode(JsonSerializer.Serialize(value));
}
