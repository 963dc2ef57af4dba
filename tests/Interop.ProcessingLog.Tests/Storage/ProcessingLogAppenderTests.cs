using Interop.ProcessingLog.Storage;
using Interop.ProcessingLog.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>
/// The appender a caller uses for several records in its own transaction: it reads the chain head once and keeps it,
/// continues an existing chain, and after a rollback to a savepoint rewinds to where it was, so the chain stays whole.
/// A buffered appender inserts its records only when it commits the transaction, leaves out those rewound, and
/// commits nothing when an insert fails.
/// </summary>
public sealed class ProcessingLogAppenderTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly string _path = Path.Combine(Path.GetTempPath(), "interop-plog-appender-" + Guid.NewGuid().ToString("N") + ".db");
    private SqliteProcessingLog _log = null!;

    public async Task InitializeAsync()
    {
        _log = new SqliteProcessingLog(_path);
        // Two records before the transaction: the appender must continue from them.
        await _log.AppendAsync(Records.Read(n: 1)).WaitAsync(Timeout);
        await _log.AppendAsync(Records.Read(n: 2)).WaitAsync(Timeout);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + "-wal");
        File.Delete(_path + "-shm");
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Records_appended_in_one_transaction_continue_the_chain_and_verify()
    {
        await InOneTransactionAsync(async (_, appender) =>
        {
            Assert.False(appender.Position.IsKnown);
            var appended = new List<ProcessingLogRecord>();
            for (var i = 3; i <= 6; i++)
            {
                appended.Add(await appender.AppendAsync(Records.Read(n: i)));
            }

            Assert.Equal([3L, 4L, 5L, 6L], appended.Select(r => r.Sequence));
            Assert.Equal(6, appender.Position.Sequence);
            for (var i = 1; i < appended.Count; i++)
            {
                Assert.True(appended[i].PreviousHash.Span.SequenceEqual(appended[i - 1].RecordHash.Span));
            }
        });

        var result = await new ProcessingLogVerifier(_log).VerifyAsync().WaitAsync(Timeout);
        Assert.True(result.IsValid);
        Assert.Equal(6, result.VerifiedCount);
    }

    [Fact]
    public async Task After_a_rollback_to_a_savepoint_the_rewound_appender_keeps_the_chain_whole()
    {
        await InOneTransactionAsync(async (transaction, appender) =>
        {
            await appender.AppendAsync(Records.Read(n: 3));
            var mark = appender.Position;
            transaction.Save("op");
            await appender.AppendAsync(Records.Read(n: 4));
            await appender.AppendAsync(Records.Read(n: 5));
            transaction.Rollback("op");
            appender.RewindTo(mark);

            var next = await appender.AppendAsync(Records.Read(n: 6));
            Assert.Equal(4, next.Sequence);
        });

        var result = await new ProcessingLogVerifier(_log).VerifyAsync().WaitAsync(Timeout);
        Assert.True(result.IsValid);
        Assert.Equal(4, result.VerifiedCount);
    }

    [Fact]
    public async Task An_appender_not_rewound_after_a_rollback_cannot_break_the_chain_silently()
    {
        // The misuse the rewind exists for: the kept head points past the rolled-back records. The next append links
        // to a record that is not there; the verifier reports the gap instead of passing it.
        await InOneTransactionAsync(async (transaction, appender) =>
        {
            transaction.Save("op");
            await appender.AppendAsync(Records.Read(n: 3));
            transaction.Rollback("op");
            await appender.AppendAsync(Records.Read(n: 4));
        });

        var result = await new ProcessingLogVerifier(_log).VerifyAsync().WaitAsync(Timeout);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_buffered_appender_inserts_its_records_only_when_it_commits_and_they_verify()
    {
        await InOneBufferedTransactionAsync(async (connection, _, appender) =>
        {
            for (var i = 3; i <= 5; i++)
            {
                await appender.AppendAsync(Records.Read(n: i));
            }

            Assert.Equal(5, appender.Position.Sequence);
            Assert.Equal(2, await CountAsync(connection));
        });

        var result = await new ProcessingLogVerifier(_log).VerifyAsync().WaitAsync(Timeout);
        Assert.True(result.IsValid);
        Assert.Equal(5, result.VerifiedCount);
    }

    [Fact]
    public async Task A_buffered_appender_rewound_after_a_rollback_leaves_the_rolled_back_records_out()
    {
        await InOneBufferedTransactionAsync(async (_, transaction, appender) =>
        {
            var beforeAny = appender.Position;
            transaction.Save("first");
            await appender.AppendAsync(Records.Read(n: 3));
            transaction.Rollback("first");
            // Rewound to a head not read yet: every buffered record goes.
            appender.RewindTo(beforeAny);

            await appender.AppendAsync(Records.Read(n: 4));
            var mark = appender.Position;
            transaction.Save("op");
            await appender.AppendAsync(Records.Read(n: 5));
            await appender.AppendAsync(Records.Read(n: 6));
            transaction.Rollback("op");
            appender.RewindTo(mark);

            Assert.Equal(4, (await appender.AppendAsync(Records.Read(n: 7))).Sequence);
        });

        var records = await _log.ListByOrganisationAsync(Records.Read().RequestingOrganisationOin, new ProcessingLogPageRequest(50, null)).WaitAsync(Timeout);
        Assert.Equal([4L, 3L, 2L, 1L], records.Records.Select(r => r.Sequence));
        Assert.Equal("consent-7", records.Records[0].LegalBasis.Value);
        Assert.Equal("consent-4", records.Records[1].LegalBasis.Value);
        var result = await new ProcessingLogVerifier(_log).VerifyAsync().WaitAsync(Timeout);
        Assert.True(result.IsValid);
        Assert.Equal(4, result.VerifiedCount);
    }

    [Fact]
    public async Task A_buffered_appender_whose_insert_fails_commits_nothing()
    {
        await using (var setup = new SqliteConnection($"Data Source={_path}"))
        {
            await setup.OpenAsync();
            await using var trigger = setup.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER refuse_fourth BEFORE INSERT ON processing_record WHEN NEW.sequence_no = 4 BEGIN SELECT RAISE(ABORT, 'refused'); END";
            await trigger.ExecuteNonQueryAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            var appender = ProcessingLogTransaction.CreateBufferedAppender(connection, transaction);
            await appender.AppendAsync(Records.Read(n: 3));
            await appender.AppendAsync(Records.Read(n: 4));
            await Assert.ThrowsAsync<SqliteException>(() => appender.CommitAsync());
        }

        Assert.Equal(2, await CountAsync(connection));
    }

    // Runs an appender on a transaction of its own, and commits it.
    private async Task InOneTransactionAsync(Func<SqliteTransaction, ProcessingLogAppender, Task> use)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await use(transaction, ProcessingLogTransaction.CreateAppender(connection, transaction));
        await transaction.CommitAsync();
    }

    // Runs a buffered appender on a transaction of its own, and commits through it.
    private async Task InOneBufferedTransactionAsync(Func<SqliteConnection, SqliteTransaction, ProcessingLogAppender, Task> use)
    {
        await using var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var appender = ProcessingLogTransaction.CreateBufferedAppender(connection, transaction);
        await use(connection, transaction, appender);
        await appender.CommitAsync();
    }

    private static async Task<long> CountAsync(SqliteConnection connection)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM processing_record";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
