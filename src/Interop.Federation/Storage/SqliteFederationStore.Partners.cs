using Dapper;
using Interop.Contracts.V1;
using Interop.Federation.Storage.Internal;
using Interop.Federation.Registry;
using Microsoft.Data.Sqlite;

namespace Interop.Federation.Storage;

public sealed partial class SqliteFederationStore
{
    // SQLite extended result code for a PRIMARY KEY / UNIQUE violation.
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <inheritdoc />
    public async Task AddOrganisationAsync(Organisation organisation, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(PartnerValidation.Validate(organisation));
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await using var transaction = connection.BeginTransaction();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                OrganisationQueries.Insert,
                new
                {
                    organisation.Oin,
                    organisation.Name,
                    Kind = organisation.Kind.ToWireName(),
                    organisation.RmcRegion,
                    Enabled = organisation.Enabled ? 1 : 0,
                    AcceptsHandovers = organisation.AcceptsHandovers ? 1 : 0,
                    CreatedAt = ToUnix(DateTimeOffset.UtcNow),
                },
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new PartnerRegistryException([$"An organisation with OIN {organisation.Oin} already exists."]);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            OrganisationQueries.InsertLeefgebied, OrganisationQueries.LeefgebiedRows(organisation.Oin, organisation.ReferralLeefgebieden), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Organisation?> GetOrganisationAsync(string oin, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<OrganisationRow>(new CommandDefinition(
            OrganisationQueries.Select + " WHERE o.oin = @oin", new { oin }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Assemble(rows).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Organisation>> ListOrganisationsAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<OrganisationRow>(new CommandDefinition(
            OrganisationQueries.Select + " ORDER BY o.oin", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return Assemble(rows);
    }

    /// <inheritdoc />
    public async Task<bool> SetOrganisationEnabledAsync(string oin, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE organisation SET enabled = @enabled WHERE oin = @oin", new { oin, enabled = enabled ? 1 : 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateOrganisationServicesAsync(string oin, IReadOnlyCollection<Leefgebied> referralLeefgebieden, bool acceptsHandovers, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(PartnerValidation.ValidateReferralLeefgebieden(referralLeefgebieden));
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        // BEGIN IMMEDIATE: the write lock first, so a concurrent replacement cannot interleave its rows with ours.
        await using var transaction = connection.Inner.BeginTransaction(deferred: false);
        if (await connection.ExecuteAsync(new CommandDefinition(
            OrganisationQueries.UpdateAcceptsHandovers, new { oin, acceptsHandovers = acceptsHandovers ? 1 : 0 }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) != 1)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(OrganisationQueries.DeleteLeefgebieden, new { oin }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            OrganisationQueries.InsertLeefgebied, OrganisationQueries.LeefgebiedRows(oin, referralLeefgebieden), transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static List<Organisation> Assemble(IEnumerable<OrganisationRow> rows) =>
        OrganisationQueries.Assemble(rows, r => r.Oin, r => r.Leefgebied, r => r.ToOrganisation());

    /// <inheritdoc />
    public async Task AddClientAsync(ApiClient client, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(PartnerValidation.Validate(client));
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        if (await GetOrganisationAsync(client.OrganisationOin, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new PartnerRegistryException([$"No organisation with OIN {client.OrganisationOin}: add it first."]);
        }

        try
        {
            var now = ToUnix(DateTimeOffset.UtcNow);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO api_client (client_id, organisation_oin, jwks, jwks_url, allowed_scopes, enabled, created_at, keys_updated_at) " +
                "VALUES (@ClientId, @OrganisationOin, @Jwks, @JwksUrl, @Scopes, @Enabled, @Now, @Now)",
                new { client.ClientId, client.OrganisationOin, client.Jwks, JwksUrl = client.JwksUrl?.AbsoluteUri, Scopes = string.Join(' ', client.AllowedScopes), Enabled = client.Enabled ? 1 : 0, Now = now },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintPrimaryKey)
        {
            throw new PartnerRegistryException([$"A client with client_id {client.ClientId} already exists."]);
        }
    }

    /// <inheritdoc />
    public async Task<ApiClient?> GetClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<ClientRow>(new CommandDefinition(
            ClientSelect + " WHERE client_id = @clientId", new { clientId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToClient();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiClient>> ListClientsAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<ClientRow>(new CommandDefinition(ClientSelect + " ORDER BY client_id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToClient()).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> SetClientEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_client SET enabled = @enabled WHERE client_id = @clientId", new { clientId, enabled = enabled ? 1 : 0 }, cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceClientKeysAsync(string clientId, string? jwks, Uri? jwksUrl, CancellationToken cancellationToken = default)
    {
        ThrowIfInvalid(PartnerValidation.ValidateKeySource(jwks, jwksUrl));
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_client SET jwks = @jwks, jwks_url = @url, keys_updated_at = @now WHERE client_id = @clientId",
            new { clientId, jwks, url = jwksUrl?.AbsoluteUri, now = ToUnix(DateTimeOffset.UtcNow) },
            cancellationToken: cancellationToken)).ConfigureAwait(false) == 1;
    }

    private const string ClientSelect =
        "SELECT client_id AS ClientId, organisation_oin AS OrganisationOin, jwks, jwks_url AS JwksUrl, allowed_scopes AS AllowedScopes, enabled FROM api_client";

    private static void ThrowIfInvalid(IReadOnlyList<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new PartnerRegistryException(errors);
        }
    }

    private sealed class OrganisationRow
    {
        public string Oin { get; set; } = "";

        public string Name { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? RmcRegion { get; set; }

        public long Enabled { get; set; }

        public long AcceptsHandovers { get; set; }

        public string? Leefgebied { get; set; }

        public Organisation ToOrganisation()
        {
            if (!OrganisationKinds.TryParse(Kind, out var kind))
            {
                throw new InvalidOperationException($"Organisation {Oin} has an unknown kind '{Kind}' in the database.");
            }

            return new Organisation(Oin, Name, kind, RmcRegion, Enabled != 0) { AcceptsHandovers = AcceptsHandovers != 0 };
        }
    }

    private sealed class ClientRow
    {
        public string ClientId { get; set; } = "";

        public string OrganisationOin { get; set; } = "";

        public string? Jwks { get; set; }

        public string? JwksUrl { get; set; }

        public string AllowedScopes { get; set; } = "";

        public long Enabled { get; set; }

        public ApiClient ToClient() => new(
            ClientId,
            OrganisationOin,
            Jwks,
            JwksUrl is null ? null : new Uri(JwksUrl, UriKind.Absolute),
            AllowedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Enabled != 0);
    }
}
