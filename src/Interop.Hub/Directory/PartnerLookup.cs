using System.Collections.Concurrent;
using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Hub.PartnerDirectory;

/// <summary>
/// The services' view of the registry: enabled partners by OIN, as <see cref="OrganisationRef"/>s for responses and
/// events. Entries are cached for a few seconds per node (the registry changes rarely; a disabled partner is refused
/// by the authorization layer at once anyway), so a busy call path does not query the registry per call.
/// </summary>
internal sealed class PartnerLookup(IPartnerStore store, TimeProvider time)
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (Organisation? Organisation, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    /// <summary>The enabled partner with this OIN, or null when there is none (unknown or disabled).</summary>
    public async Task<Organisation?> FindEnabledAsync(string oin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oin);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(oin, out var entry) && entry.Expires > now)
        {
            return entry.Organisation;
        }

        var organisation = await store.GetOrganisationAsync(oin, cancellationToken).ConfigureAwait(false);
        if (organisation is { Enabled: false })
        {
            organisation = null;
        }

        _cache[oin] = (organisation, now + CacheDuration);
        return organisation;
    }

    /// <summary>
    /// The reference to <paramref name="oin"/> for a response or event: name and kind from the registry, or only the
    /// OIN when the partner is no longer registered or enabled (history stays readable).
    /// </summary>
    public async Task<OrganisationRef> RefAsync(string oin, CancellationToken cancellationToken)
    {
        var organisation = await FindEnabledAsync(oin, cancellationToken).ConfigureAwait(false);
        return organisation is null ? new OrganisationRef { Oin = oin } : ToRef(organisation);
    }

    /// <summary>The reference to a registered organisation.</summary>
    public static OrganisationRef ToRef(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return new OrganisationRef
        {
            Oin = organisation.Oin,
            DisplayName = organisation.Name,
            Kind = OrganisationKindMapping.ToContract(organisation.Kind),
        };
    }
}
