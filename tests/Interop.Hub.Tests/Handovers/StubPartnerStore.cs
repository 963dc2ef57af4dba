using Interop.Federation.Registry;

namespace Interop.Hub.Tests.Handovers;

/// <summary>A registry holding fixed organisations, for machinery that only looks partners up.</summary>
internal sealed class StubPartnerStore(params Organisation[] organisations) : IPartnerStore
{
    public Task<Organisation?> GetOrganisationAsync(string oin, CancellationToken cancellationToken = default) =>
        Task.FromResult(organisations.FirstOrDefault(o => o.Oin == oin));

    public Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Organisation>>(organisations);

    public Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> UpdateOrganisationServicesAsync(string oin, IReadOnlyCollection<Interop.Contracts.V1.Leefgebied> referralLeefgebieden, bool acceptsHandovers, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<bool> SetOrganisationEnabledAsync(string oin, bool enabled, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task AddClientAsync(ApiClient client, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<ApiClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<ApiClient>> ListClientsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> SetClientEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> ReplaceClientKeysAsync(string clientId, string? jwks, Uri? jwksUrl, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
