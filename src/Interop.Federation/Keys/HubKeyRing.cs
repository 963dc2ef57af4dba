using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Keys;

/// <summary>A snapshot of the hub's keys: the one that signs now, and every key the JWKS publishes.</summary>
public sealed class HubKeyRing
{
    internal HubKeyRing(SigningCredentials signingCredentials, IReadOnlyList<JsonWebKey> publishedKeys, DateTimeOffset nextCheckAt)
    {
        SigningCredentials = signingCredentials;
        PublishedKeys = publishedKeys;
        NextCheckAt = nextCheckAt;
    }

    /// <summary>The credentials that sign tokens now (RS256, with the kid).</summary>
    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public keys to publish: the signing key, a scheduled successor, and predecessors not yet retired.</summary>
    public IReadOnlyList<JsonWebKey> PublishedKeys { get; }

    /// <summary>When the ring must be recomputed (the next scheduled transition or store refresh).</summary>
    public DateTimeOffset NextCheckAt { get; }
}
