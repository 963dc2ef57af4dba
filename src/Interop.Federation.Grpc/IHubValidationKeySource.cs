using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc;

/// <summary>
/// Where the interceptor reads the public keys hub access tokens may be signed with: the keys the hub publishes in its
/// JWKS. The interceptor caches them (<see cref="HubAuthorizationOptions.ValidationKeyRefreshInterval"/>) and asks
/// again early when a token names an unknown kid, so a source may be slow (a database, an HTTP JWKS).
/// The default reads the hub's signing-key store (<see cref="Keys.ISigningKeyStore"/>).
/// </summary>
public interface IHubValidationKeySource
{
    /// <summary>The current published keys, each with its <see cref="SecurityKey.KeyId"/> set; read fresh, not cached.</summary>
    Task<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken = default);
}
