using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;

namespace Interop.Hub.Tests.Foundation;

/// <summary>
/// The write queue: operations commit together in batches, each in its own savepoint, so one that throws is rolled
/// back alone (its rows, processing records and events) and only its caller sees the exception.
/// </summary>
public abstract class HubDatabaseTests(StorageProvider provider)
{
    private const string Oin = "00000001001234567000";

    [Fact]
    public async Task A_failed_operation_is_rolled_back_alone_with_its_processing_record_and_event()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var writes = Enumerable.Range(0, 40).Select(i => test.Database.WriteAsync(async context =>
        {
            await context.LogAsync(Record($"p1:subject-{i}"));
            await context.AddEventAsync(Oin, new Event { SubjectRef = $"r1:ref-{i}" });
            if (i % 4 == 3)
            {
                throw new InvalidOperationException($"operation {i} refused");
            }

            return i;
        }, CancellationToken.None)).ToList();

        await AssertEveryFourthRefusedAsync(writes, "operation");
        await AssertOnlyTheOthersStoredAsync(test, 30);

        // The chain stays whole: the rolled-back appends left no gap and no broken link.
        var chain = await test.Database.ReadAsync(async (c, ct) =>
            (await c.QueryAsync<(long Sequence, string Previous, string Hash)>(
                "SELECT sequence_no, previous_hash, record_hash FROM processing_record ORDER BY sequence_no")).ToList(), CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => (long)n), chain.Select(r => r.Sequence));
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].Previous);
        }
    }

    [Fact]
    public async Task Event_cursors_increase_in_commit_order_and_only_committed_recipients_are_signalled()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var committed = await test.Database.WriteAsync(async context =>
        {
            var first = await context.AddEventAsync("00000001001234567000", new Event());
            var second = await context.AddEventAsync("00000001001234568000", new Event());
            return (first, second);
        }, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Database.WriteAsync<int>(async context =>
        {
            await context.AddEventAsync("00000001002000000000", new Event());
            throw new InvalidOperationException("refused");
        }, CancellationToken.None));
        var third = await test.Database.WriteAsync(context => context.AddEventAsync("00000001001234567000", new Event()), CancellationToken.None);

        Assert.True(committed.first.Cursor < committed.second.Cursor);
        Assert.True(committed.second.Cursor < third.Cursor);
        Assert.NotEqual(committed.first.EventId, committed.second.EventId);
        Assert.Equal(["00000001001234567000", "00000001001234568000", "00000001001234567000"], test.Signal.Published.ToArray());

        await using var connection = await test.OpenAsync();
        var stored = (await connection.QueryAsync<string>("SELECT payload FROM hub_event ORDER BY event_cursor"))
            .Select(p => Event.Parser.ParseFrom(Convert.FromBase64String(p))).ToList();
        Assert.Equal([committed.first.Cursor, committed.second.Cursor, third.Cursor], stored.Select(e => e.Cursor));
        Assert.All(stored, e => Assert.NotNull(e.OccurTime));
    }

    [Fact]
    public async Task A_processing_record_the_log_refuses_fails_the_operation_and_nothing_of_it_is_stored()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var write = test.Database.WriteAsync(async context =>
        {
            await context.ExecuteAsync(
                "INSERT INTO subject (pseudonym, bsn_protected, create_time) VALUES ('p1:x', 'protected', 1)");
            // A bare BSN as the data subject is refused by the log: the operation must not commit.
            await context.LogAsync(Record("999999990"));
            return 0;
        }, CancellationToken.None);

        await Assert.ThrowsAsync<ProcessingLogValidationException>(() => write);
        await using var connection = await test.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM subject"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM processing_record"));
    }

    [Fact]
    public async Task Writes_batched_by_the_queue_all_commit_and_are_readable_afterwards()
    {
        await using var test = await TestDatabase.CreateAsync(provider, maxBatch: 8);
        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => test.Database.WriteAsync(
            context => context.ExecuteAsync(
                "INSERT INTO subject (pseudonym, bsn_protected, create_time) VALUES (@p, 'x', @t)", new { p = $"p1:{i}", t = (long)i }),
            CancellationToken.None)));

        var count = await test.Database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM subject"), CancellationToken.None);
        Assert.Equal(100, count);
    }

    private static ProcessingLogRecord Record(string subject)
    {
        var trace = TraceContext.NewTrace();
        var now = DateTimeOffset.UtcNow;
        return new ProcessingLogRecord
        {
            TraceId = trace.TraceId,
            SpanId = trace.SpanId,
            ProcessingActivityId = "test-activity",
            Action = ProcessingAction.Create,
            PurposeCode = "test",
            RequestingOrganisationOin = Oin,
            DataSubjectRef = subject,
            Status = ProcessingStatus.Ok,
            StartTime = now,
            EndTime = now,
            Bewaartermijn = "P5Y",
        };
    }

    [Fact]
    public async Task Reads_on_reused_connections_see_every_commit_and_survive_a_read_that_threw()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        async Task<long> CountAsync() => await test.Database.ReadAsync(
            (c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM hub_event WHERE recipient_oin = @oin", new { oin = Oin }, cancellationToken: ct)),
            CancellationToken.None);

        for (var i = 1; i <= 5; i++)
        {
            await test.Database.WriteAsync(context => context.AddEventAsync(Oin, new Event { SubjectRef = $"r1:ref-{i}" }), CancellationToken.None);
            Assert.Equal(i, await CountAsync());

            // A read that fails half-way (a bad statement after a good one) must not leave its connection in a state
            // that hides later commits or fails later reads.
            await Assert.ThrowsAnyAsync<DbException>(() => test.Database.ReadAsync(async (c, ct) =>
            {
                await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM hub_event", cancellationToken: ct));
                return await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM no_such_table", cancellationToken: ct));
            }, CancellationToken.None));
        }

        // Many concurrent reads (more than the idle connections kept) all see the last commit.
        var counts = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(CountAsync)));
        Assert.All(counts, c => Assert.Equal(5, c));
    }

    [Fact]
    public async Task A_read_sees_one_snapshot_even_when_a_write_commits_during_it()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        const string Count = "SELECT COUNT(*) FROM hub_event";
        var (first, second) = await test.Database.ReadAsync(async (connection, ct) =>
        {
            var before = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count, cancellationToken: ct));
            // The writer commits on its own connection while the read is under way.
            await test.Database.WriteAsync(context => context.AddEventAsync(Oin, new Event { SubjectRef = "r1:x" }), ct);
            var after = await connection.ExecuteScalarAsync<long>(new CommandDefinition(Count, cancellationToken: ct));
            return (before, after);
        }, CancellationToken.None);

        Assert.Equal(0, first);
        Assert.Equal(first, second);
        Assert.Equal(1, await test.Database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition(Count, cancellationToken: ct)), CancellationToken.None));
    }

    [Fact]
    public async Task A_logged_read_sees_earlier_commits_and_hands_its_result_to_its_write_which_commits_before_it_returns()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await test.Database.WriteAsync(context => context.AddEventAsync(Oin, new Event { SubjectRef = "r1:before" }), CancellationToken.None);

        var result = await test.Database.ReadThenWriteAsync(
            (connection, transaction, ct) => connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM hub_event WHERE recipient_oin = @oin", new { oin = Oin }, transaction, cancellationToken: ct)),
            async (context, seen) =>
            {
                await context.LogAsync(Record($"p1:seen-{seen}"));
                return seen;
            },
            CancellationToken.None);

        Assert.Equal(1, result);
        await using var connection = await test.OpenAsync();
        Assert.Equal(["p1:seen-1"], await connection.QueryAsync<string>("SELECT data_subject_ref FROM processing_record"));
    }

    [Fact]
    public async Task A_logged_read_that_throws_writes_nothing_and_only_its_caller_gets_the_exception()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var calls = Enumerable.Range(0, 24).Select(i => test.Database.ReadThenWriteAsync(
            async (connection, transaction, ct) =>
            {
                var events = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM hub_event", transaction: transaction, cancellationToken: ct));
                return i % 4 == 3 ? throw new InvalidOperationException($"read {i} refused") : events;
            },
            async (context, _) =>
            {
                await context.LogAsync(Record($"p1:subject-{i}"));
                await context.AddEventAsync(Oin, new Event { SubjectRef = $"r1:ref-{i}" });
                return i;
            },
            CancellationToken.None)).ToList();

        await AssertEveryFourthRefusedAsync(calls, "read");
        await AssertOnlyTheOthersStoredAsync(test, 18);
    }

    [Fact]
    public async Task A_read_then_record_records_what_it_found_and_a_read_that_found_nothing_records_nothing()
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await test.Database.WriteAsync(context => context.AddEventAsync(Oin, new Event { SubjectRef = "r1:only" }), CancellationToken.None);
        Task<List<string>> ReadEventIdsAsync(string oin) => test.Database.ReadThenRecordAsync(
            async (connection, transaction, ct) => (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT event_id FROM hub_event WHERE recipient_oin = @oin", new { oin }, transaction, cancellationToken: ct))).AsList(),
            static found => found.Count > 0,
            async (context, found) =>
            {
                foreach (var eventId in found)
                {
                    await context.LogAsync(Record("p1:" + eventId));
                }
            },
            CancellationToken.None);

        var found = Assert.Single(await ReadEventIdsAsync(Oin));
        Assert.Empty(await ReadEventIdsAsync("00000001009999999000"));

        // A record step that must not run for an empty result: it would throw if it did.
        Assert.Empty(await test.Database.ReadThenRecordAsync(
            (_, _, _) => Task.FromResult(new List<string>()),
            static found => found.Count > 0,
            (_, _) => throw new InvalidOperationException("recorded an empty read"),
            CancellationToken.None));

        await using var connection = await test.OpenAsync();
        Assert.Equal(["p1:" + found], await connection.QueryAsync<string>("SELECT data_subject_ref FROM processing_record"));
    }

    /// <summary>Operation i (every 4th, i % 4 == 3) failed with "{what} i refused"; every other one returned i.</summary>
    private static async Task AssertEveryFourthRefusedAsync(IReadOnlyList<Task<int>> calls, string what)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            if (i % 4 == 3)
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(() => calls[i]);
                Assert.Equal($"{what} {i} refused", error.Message);
            }
            else
            {
                Assert.Equal(i, await calls[i]);
            }
        }
    }

    /// <summary>
    /// Exactly <paramref name="expected"/> events and processing records were stored, none of them by a refused
    /// operation (record subject "p1:subject-i" with i % 4 == 3).
    /// </summary>
    private static async Task AssertOnlyTheOthersStoredAsync(TestDatabase test, int expected)
    {
        await using var connection = await test.OpenAsync();
        Assert.Equal(expected, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hub_event"));
        var subjects = (await connection.QueryAsync<string>("SELECT data_subject_ref FROM processing_record ORDER BY sequence_no")).ToList();
        Assert.Equal(expected, subjects.Count);
        Assert.DoesNotContain(subjects, s => int.Parse(s["p1:subject-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 4 == 3);
    }
}

public sealed class HubDatabaseOnSqliteTests() : HubDatabaseTests(StorageProvider.Sqlite);

public sealed class HubDatabaseOnPostgreSqlTests() : HubDatabaseTests(StorageProvider.PostgreSql);
