using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// The hub's validation keys by kid, held in memory so a call costs no store read. The set is re-read when it is
/// older than the refresh interval, or when a token names a kid it lacks and the last read is older than the
/// unknown-key interval: a newly published key works at once, and forged kids cost at most one read per interval.
/// </summary>
internal sealed class ValidationKeyCache
{
    private readonly IHubValidationKeySource _source;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeSpan _unknownKeyInterval;
    private readonly ILogger _logger;
    private readonly Action<IReadOnlyDictionary<string, SecurityKey>>? _keysLoaded;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private volatile Snapshot? _snapshot;

    public ValidationKeyCache(IHubValidationKeySource source, TimeProvider timeProvider, TimeSpan refreshInterval, TimeSpan unknownKeyInterval, ILogger logger,
        Action<IReadOnlyDictionary<string, SecurityKey>>? keysLoaded = null)
    {
        _keysLoaded = keysLoaded;
        _source = source;
        _timeProvider = timeProvider;
        _refreshInterval = refreshInterval;
        _unknownKeyInterval = unknownKeyInterval;
        _logger = logger;
    }

    /// <summary>The key with this kid, or null when the hub does not publish it.</summary>
    public async ValueTask<SecurityKey?> FindAsync(string kid, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && !MustReload(snapshot, kid, _timeProvider.GetUtcNow()))
        {
            return snapshot.Keys.GetValueOrDefault(kid);
        }

        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another call may have reloaded while this one waited.
            snapshot = _snapshot;
            var now = _timeProvider.GetUtcNow();
            if (snapshot is null || MustReload(snapshot, kid, now))
            {
                snapshot = await ReloadAsync(snapshot, now, cancellationToken).ConfigureAwait(false);
            }

            return snapshot.Keys.GetValueOrDefault(kid);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private bool MustReload(Snapshot snapshot, string kid, DateTimeOffset now)
    {
        var age = now - snapshot.LoadedAt;
        return age >= _refreshInterval || (!snapshot.Keys.ContainsKey(kid) && age >= _unknownKeyInterval);
    }

    private async Task<Snapshot> ReloadAsync(Snapshot? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        IReadOnlyList<SecurityKey> keys;
        try
        {
            keys = await _source.GetValidationKeysAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (previous is not null && ex is not OperationCanceledException)
        {
            // Keys change rarely and are published a day before they sign: the last good set is safer than refusing
            // every call while the store is down. It is tried again after the unknown-key interval.
            HubAuthorizationLog.ValidationKeyReloadFailed(_logger, ex);
            var kept = previous with { LoadedAt = now - _refreshInterval + _unknownKeyInterval };
            _snapshot = kept;
            return kept;
        }

        var byKid = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!string.IsNullOrEmpty(key.KeyId))
            {
                byKid[key.KeyId] = key;
            }
        }

        var snapshot = new Snapshot(byKid, now);
        _snapshot = snapshot;
        HubAuthorizationLog.ValidationKeysLoaded(_logger, byKid.Count);

        // Lets the validated-token cache forget tokens of keys that left the published set (retired or revoked).
        _keysLoaded?.Invoke(byKid);
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, SecurityKey> Keys, DateTimeOffset LoadedAt);
}
