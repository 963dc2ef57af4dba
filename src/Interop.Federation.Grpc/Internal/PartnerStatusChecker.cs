using System.Collections.Concurrent;
using Interop.Federation.Registry;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// Whether the caller's client and organisation are still enabled in the partner registry. A token stays valid for
/// minutes, but disabling a partner must stop it at once, so the registry is asked on every call, or at most once per
/// cache duration (at most 1 s) per client: two small indexed reads against SQLite per call otherwise.
/// </summary>
internal sealed class PartnerStatusChecker
{
    private readonly IPartnerStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _cacheDuration;

    // Keyed by client id and OIN; only validated hub tokens reach this, so the keys are bounded by the registry.
    private readonly ConcurrentDictionary<(string ClientId, string Oin), Entry> _cache = new();

    public PartnerStatusChecker(IPartnerStore store, TimeProvider timeProvider, TimeSpan cacheDuration)
    {
        _store = store;
        _timeProvider = timeProvider;
        _cacheDuration = cacheDuration;
    }

    public async ValueTask<PartnerStatus> GetStatusAsync(HubCaller caller, CancellationToken cancellationToken)
    {
        if (_cacheDuration <= TimeSpan.Zero)
        {
            return await LookUpAsync(caller, cancellationToken).ConfigureAwait(false);
        }

        var key = (caller.ClientId, caller.Oin);
        var now = _timeProvider.GetUtcNow();
        if (_cache.TryGetValue(key, out var entry) && now < entry.ExpiresAt)
        {
            return entry.Status;
        }

        var status = await LookUpAsync(caller, cancellationToken).ConfigureAwait(false);
        _cache[key] = new Entry(status, now + _cacheDuration);
        return status;
    }

    private async Task<PartnerStatus> LookUpAsync(HubCaller caller, CancellationToken cancellationToken)
    {
        var client = await _store.GetClientAsync(caller.ClientId, cancellationToken).ConfigureAwait(false);
        if (client is null || !client.Enabled)
        {
            return PartnerStatus.ClientDisabled;
        }

        // The token's oin must still be the client's organisation; a client moved elsewhere keeps no old rights.
        if (!string.Equals(client.OrganisationOin, caller.Oin, StringComparison.Ordinal))
        {
            return PartnerStatus.OrganisationMismatch;
        }

        var organisation = await _store.GetOrganisationAsync(caller.Oin, cancellationToken).ConfigureAwait(false);
        return organisation is null || !organisation.Enabled ? PartnerStatus.OrganisationDisabled : PartnerStatus.Active;
    }

    private readonly record struct Entry(PartnerStatus Status, DateTimeOffset ExpiresAt);
}
