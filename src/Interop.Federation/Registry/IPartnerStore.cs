using Interop.Contracts.V1;

namespace Interop.Federation.Registry;

/// <summary>Durable storage of organisations and their API clients (SQLite by default, or PostgreSQL shared by every hub node).</summary>
public interface IPartnerStore
{
    /// <summary>Adds an organisation with the leefgebieden it accepts referrals for. Throws <see cref="PartnerRegistryException"/> when it is invalid or its OIN exists.</summary>
    Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default);

    /// <summary>The organisation with this OIN, or null. Its referral leefgebieden come in ascending order.</summary>
    Task<Organisation?> GetOrganisationAsync(string oin, CancellationToken cancellationToken = default);

    /// <summary>All organisations, ordered by OIN.</summary>
    Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken = default);

    /// <summary>Enables or disables an organisation. False when it does not exist.</summary>
    Task<bool> SetOrganisationEnabledAsync(string oin, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the leefgebieden an organisation accepts referrals for and whether it takes plan handovers. False when it
    /// does not exist. Throws <see cref="PartnerRegistryException"/> when a leefgebied is undefined, UNSPECIFIED or listed
    /// twice (nothing is changed then).
    /// </summary>
    Task<bool> UpdateOrganisationServicesAsync(string oin, IReadOnlyCollection<Leefgebied> referralLeefgebieden, bool acceptsHandovers, CancellationToken cancellationToken = default);

    /// <summary>Adds a client. Throws <see cref="PartnerRegistryException"/> when it is invalid, exists, or its organisation does not.</summary>
    Task AddClientAsync(ApiClient client, CancellationToken cancellationToken = default);

    /// <summary>The client with this client_id, or null.</summary>
    Task<ApiClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default);

    /// <summary>All clients, ordered by client_id.</summary>
    Task<IReadOnlyList<ApiClient>> ListClientsAsync(CancellationToken cancellationToken = default);

    /// <summary>Enables or disables a client. False when it does not exist.</summary>
    Task<bool> SetClientEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Replaces a client's keys (exactly one of the two is non-null); the old keys are refused from then on. False when it does not exist.</summary>
    Task<bool> ReplaceClientKeysAsync(string clientId, string? jwks, Uri? jwksUrl, CancellationToken cancellationToken = default);
}
