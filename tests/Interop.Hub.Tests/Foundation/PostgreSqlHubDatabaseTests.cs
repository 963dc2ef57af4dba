using Dapper;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// What only PostgreSQL has: a server with a connection limit shared by every node. A node under many concurrent
/// reads must queue them on its own bounded pool rather than open a connection per caller until PostgreSQL refuses
/// with "too many clients" (which 256 callers on one node did with Npgsql's default pool of 100 per store). Reads
/// run on read-only sessions, so a read that would write is refused by the server.
/// </summary>
public sealed class PostgreSqlHubDatabaseTests
{
    [Fact]
    public async Task Many_concurrent_reads_all_succeed_on_at_most_the_default_number_of_server_connections()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        const int Reads = 120;

        // Each read holds its connection for a moment and counts the database's server connections meanwhile.
        var counts = await Task.WhenAll(Enumerable.Range(0, Reads).Select(_ => Task.Run(() => test.Database.ReadAsync(
            async (connection, ct) =>
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_sleep(0.02)", cancellationToken: ct));
                return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'",
                    cancellationToken: ct));
            },
            CancellationToken.None))));

        Assert.Equal(Reads, counts.Length);
        Assert.InRange(counts.Max(), 2, PostgreSqlHubDatabase.DefaultMaxConnections);
    }

    [Fact]
    public async Task A_read_that_would_write_is_refused_and_changes_nothing_and_the_next_read_works()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);
        const string Count = "SELECT COUNT(*) FROM hub_event";

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => test.Database.ReadAsync(
            (connection, ct) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO hub_event (event_cursor, event_id, recipient_oin, occur_time, payload) VALUES (1, 'e1', '00000001234567890000', 0, 'x')", cancellationToken: ct)),
            CancellationToken.None));
        Assert.Equal(Npgsql.PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);

        Assert.Equal(0, await test.Database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition(Count, cancellationToken: ct)), CancellationToken.None));
    }
}
