using System.Security.Cryptography;
using System.Text.Json;
using Interop.Federation.Client;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Tests.Infrastructure;

/// <summary>Keys generated once per test run (never committed): RSA for most clients, EC P-256 for ES256.</summary>
public static class TestKeys
{
    private static readonly Lazy<(RsaSecurityKey Key, string Jwks)> RsaA = new(() => CreateRsa());
    private static readonly Lazy<(RsaSecurityKey Key, string Jwks)> RsaB = new(() => CreateRsa());
    private static readonly Lazy<(RsaSecurityKey Key, string Jwks)> RsaIdp = new(() => CreateRsa());
    private static readonly Lazy<(ECDsaSecurityKey Key, string Jwks)> Ec = new(CreateEc);

    public static (RsaSecurityKey Key, string Jwks) ClientRsa => RsaA.Value;

    public static (RsaSecurityKey Key, string Jwks) OtherRsa => RsaB.Value;

    /// <summary>The key of an external identity provider (token exchange).</summary>
    public static (RsaSecurityKey Key, string Jwks) IdpRsa => RsaIdp.Value;

    public static (ECDsaSecurityKey Key, string Jwks) ClientEc => Ec.Value;

    private static (RsaSecurityKey, string) CreateRsa()
    {
        var material = ClientKeyMaterial.Generate(2048);
        return (ClientKeyMaterial.LoadPrivateKey(material.PrivateKeyPem, material.Kid), material.PublicJwks);
    }

    private static (ECDsaSecurityKey, string) CreateEc()
    {
        var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var key = new ECDsaSecurityKey(ecdsa) { KeyId = "ec-" + Guid.NewGuid().ToString("N")[..8] };
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))) { KeyId = key.KeyId });
        var jwks = JsonSerializer.Serialize(new { keys = new[] { new { kty = "EC", crv = "P-256", kid = key.KeyId, x = jwk.X, y = jwk.Y } } });
        return (key, jwks);
    }
}
