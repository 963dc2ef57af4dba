using System.Collections.Concurrent;
using System.Security.Cryptography;
using Interop.Federation.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Keys;

/// <summary>
/// Keeps the hub's signing keys: creates the first one, schedules a successor <see cref="HubKeyRotationPolicy.PublicationLeadTime"/>
/// before the current one has signed for <see cref="HubKeyRotationPolicy.RotationPeriod"/>, and removes an old key once every
/// token it signed has expired. Driven on demand (each use checks whether a transition is due), so it needs no timer and
/// follows an injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class HubSigningKeyManager
{
    /// <summary>The algorithm of hub keys: RS256 is the one every NL GOV profile validator must support.</summary>
    public const string Algorithm = SecurityAlgorithms.RsaSha256;

    private const int KeySizeInBits = 2048;

    private readonly ISigningKeyStore _store;
    private readonly HubKeyRotationPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ConcurrentDictionary<string, RsaSecurityKey> _parsedKeys = new(StringComparer.Ordinal);
    private volatile HubKeyRing? _ring;

    /// <summary>Creates the manager.</summary>
    public HubSigningKeyManager(ISigningKeyStore store, HubKeyRotationPolicy policy, TimeProvider timeProvider, ILogger<HubSigningKeyManager>? logger = null)
    {
        _store = store;
        _policy = policy;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The current key ring, recomputed when a transition is due.</summary>
    public async ValueTask<HubKeyRing> GetKeyRingAsync(CancellationToken cancellationToken = default)
    {
        var ring = _ring;
        if (ring is not null && _timeProvider.GetUtcNow() < ring.NextCheckAt)
        {
            return ring;
        }

        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ring = _ring;
            var now = _timeProvider.GetUtcNow();
            if (ring is null || now >= ring.NextCheckAt)
            {
                ring = await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
                _ring = ring;
            }

            return ring;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Rotates by hand (the admin tool's <c>keys rotate</c>): schedules a new key that is published now and starts
    /// signing after <paramref name="leadTime"/>, unless a successor is already scheduled, in which case that one is returned.
    /// </summary>
    public async Task<SigningKeyRecord> RotateAsync(TimeSpan leadTime, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(leadTime, TimeSpan.Zero);
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _timeProvider.GetUtcNow();
            await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            var keys = await _store.ListSigningKeysAsync(cancellationToken).ConfigureAwait(false);
            var scheduled = keys.Where(k => k.SigningStartsAt > now).MaxBy(k => k.SigningStartsAt);
            var successor = scheduled ?? await CreateKeyAsync(now, now + leadTime, cancellationToken).ConfigureAwait(false);
            _ring = await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            return successor;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Every stored key (for the admin tool's listing).</summary>
    public Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken = default) => _store.ListSigningKeysAsync(cancellationToken);

    private async Task<SigningKeyRecord> CreateKeyAsync(DateTimeOffset now, DateTimeOffset signingStartsAt, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(KeySizeInBits);
        var publicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false));
        // The kid is the RFC 7638 thumbprint: stable, unique per key, reveals nothing.
        var kid = Base64UrlEncoder.Encode(publicKey.ComputeJwkThumbprint());
        var record = new SigningKeyRecord(kid, Algorithm, rsa.ExportPkcs8PrivateKeyPem(), now, signingStartsAt, RetiresAt: null);
        await _store.AddSigningKeyAsync(record, cancellationToken).ConfigureAwait(false);
        FederationLog.SigningKeyCreated(_logger, kid, signingStartsAt);
        return record;
    }

    private RsaSecurityKey GetPrivateKey(SigningKeyRecord record) => _parsedKeys.GetOrAdd(record.Kid, static (kid, pem) =>
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = kid };
    }, record.PrivateKeyPem);

    private JsonWebKey ToPublicJwk(SigningKeyRecord record)
    {
        var publicParameters = GetPrivateKey(record).Rsa.ExportParameters(includePrivateParameters: false);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(publicParameters) { KeyId = record.Kid });
        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Alg = record.Algorithm;
        return jwk;
    }
}
