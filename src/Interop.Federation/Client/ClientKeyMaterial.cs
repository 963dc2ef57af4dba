using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Client;

/// <summary>A freshly generated client key pair: the private key for the integrator, the public JWK set for the hub.</summary>
/// <param name="Kid">The key id (RFC 7638 thumbprint).</param>
/// <param name="PrivateKeyPem">The private key, PKCS#8 PEM. Keep it secret; never commit it.</param>
/// <param name="PublicJwks">The public JWK set (JSON) to register with the hub.</param>
public sealed record ClientKeyMaterial(string Kid, string PrivateKeyPem, string PublicJwks)
{
    /// <summary>Generates a new RSA key pair (3072 bits by default) at run time.</summary>
    public static ClientKeyMaterial Generate(int keySizeInBits = 3072)
    {
        using var rsa = RSA.Create(keySizeInBits);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        var kid = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", kid, n = jwk.N, e = jwk.E } },
        });
        return new ClientKeyMaterial(kid, rsa.ExportPkcs8PrivateKeyPem(), jwks);
    }

    /// <summary>Loads a private key PEM (PKCS#8 or PKCS#1) as a signing key with the given kid.</summary>
    public static RsaSecurityKey LoadPrivateKey(string pem, string kid)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }
}
