using System.Collections.Concurrent;
using System.Security.Cryptography;
using Interop.Federation.Keys;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// The default <see cref="IHubValidationKeySource"/>: the keys the hub's JWKS publishes, read from the signing-key
/// store every node shares (a key is published from creation until it retires, as HubSigningKeyManager does). Only
/// the public half is kept. Reading the store directly, not a HubSigningKeyManager snapshot, lets a key another node or
/// the admin tool just created be seen on the first re-read.
/// </summary>
internal sealed class SigningKeyStoreValidationKeySource : IHubValidationKeySource
{
    private readonly ISigningKeyStore _store;
    private readonly TimeProvider _timeProvider;

    // A key never changes under its kid (the kid is its RFC 7638 thumbprint), so each PEM is parsed once.
    private readonly ConcurrentDictionary<string, SecurityKey> _publicKeys = new(StringComparer.Ordinal);

    public SigningKeyStoreValidationKeySource(ISigningKeyStore store, TimeProvider timeProvider)
    {
        _store = store;
        _timeProvider = timeProvider;
    }

    public async Task<IReadOnlyList<SecurityKey>> GetValidationKeysAsync(CancellationToken cancellationToken = default)
    {
        var records = await _store.ListSigningKeysAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var keys = new List<SecurityKey>(records.Count);
        foreach (var record in records)
        {
            if (record.RetiresAt is { } retiresAt && retiresAt <= now)
            {
                continue;
            }

            keys.Add(_publicKeys.GetOrAdd(record.Kid, static (kid, pem) => ToPublicKey(kid, pem), record.PrivateKeyPem));
        }

        return keys;
    }

    private static SecurityKey ToPublicKey(string kid, string privateKeyPem)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = kid };
    }
}
