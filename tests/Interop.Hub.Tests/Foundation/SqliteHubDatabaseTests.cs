using Dapper;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// What only the embedded SQLite database has: reader connections of its own. Many concurrent reads share at most
/// <see cref="SqliteHubDatabase.MaxReaders"/> of them (each with its own page cache) instead of opening one per
/// caller, as 256 concurrent callers did before, and every read still succeeds.
/// </summary>
public sealed class SqliteHubDatabaseTests
{
    [Fact]
    public async Task Many_concurrent_reads_all_succeed_on_at_most_the_bounded_number_of_reader_connections()
    {
        await using var test = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        const int Reads = 120;
        var inside = 0;
        var most = 0;

        // Each read holds its connection for a moment; the most reads inside at once is the most connections in use.
        var answers = await Task.WhenAll(Enumerable.Range(0, Reads).Select(_ => Task.Run(() => test.Database.ReadAsync(
            async (connection, ct) =>
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                try
                {
                    await Task.Delay(20, ct);
                    return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM hub_schema_version", cancellationToken: ct));
                }
                finally
                {
                    Interlocked.Decrement(ref inside);
                }
            },
            CancellationToken.None))));

        Assert.Equal(Reads, answers.Length);
        Assert.All(answers, count => Assert.Equal(HubSchema.Scripts.Scripts.Count, count));
        Assert.InRange(most, 2, SqliteHubDatabase.MaxReaders);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
