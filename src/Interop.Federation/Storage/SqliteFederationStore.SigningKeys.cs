using Dapper;
using Interop.Federation.Keys;

namespace Interop.Federation.Storage;

public sealed partial class SqliteFederationStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<SigningKeyRecord>> ListSigningKeysAsync(CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<SigningKeyRow>(new CommandDefinition(
            "SELECT kid, algorithm, private_key_pem AS PrivateKeyPem, created_at AS CreatedAt, signing_starts_at AS SigningStartsAt, retires_at AS RetiresAt " +
            "FROM signing_key ORDER BY signing_starts_at, created_at, rowid",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new SigningKeyRecord(
            r.Kid, r.Algorithm, r.PrivateKeyPem, FromUnix(r.CreatedAt), FromUnix(r.SigningStartsAt), r.RetiresAt is { } at ? FromUnix(at) : null)).ToList();
    }

    /// <inheritdoc />
    public async Task AddSigningKeyAsync(SigningKeyRecord key, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO signing_key (kid, algorithm, private_key_pem, created_at, signing_starts_at, retires_at) VALUES (@Kid, @Algorithm, @Pem, @Created, @Starts, @Retires)",
            new { key.Kid, key.Algorithm, Pem = key.PrivateKeyPem, Created = ToUnix(key.CreatedAt), Starts = ToUnix(key.SigningStartsAt), Retires = key.RetiresAt is { } r ? ToUnix(r) : (long?)null },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetSigningKeyRetiresAtAsync(string kid, DateTimeOffset retiresAt, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE signing_key SET retires_at = @at WHERE kid = @kid", new { kid, at = ToUnix(retiresAt) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeleteSigningKeyAsync(string kid, CancellationToken cancellationToken = default)
    {
        await using var lease = await _connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var connection = lease.Connection;
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM signing_key WHERE kid = @kid", new { kid }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    private sealed class SigningKeyRow
    {
        public string Kid { get; set; } = "";

        public string Algorithm { get; set; } = "";

        public string PrivateKeyPem { get; set; } = "";

        public long CreatedAt { get; set; }

        public long SigningStartsAt { get; set; }

        public long? RetiresAt { get; set; }
    }
}
