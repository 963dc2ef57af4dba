using System.Data.Common;
using Dapper;
using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.ProcessingLog;
using Interop.Storage;

namespace Interop.Hub.Storage;

/// <summary>
/// What a queued write sees: the writer's connection and transaction (inside the operation's savepoint), the time,
/// and the two things every operation on personal data does besides its own rows: append its processing record and
/// queue events for the organisations concerned. All of it commits with the operation or not at all.
/// </summary>
internal sealed class HubWriteContext
{
    private readonly List<string> _eventRecipients;
    private readonly ProcessingLogAppender _log;

    internal HubWriteContext(DbConnection connection, DbTransaction transaction, ProcessingLogAppender log, DateTimeOffset now, List<string> eventRecipients, CancellationToken cancellationToken)
    {
        _log = log;
        Connection = connection;
        Transaction = transaction;
        Now = now;
        _eventRecipients = eventRecipients;
        CancellationToken = cancellationToken;
    }

    /// <summary>The writer's connection.</summary>
    public DbConnection Connection { get; }

    /// <summary>The open transaction; pass it with every command.</summary>
    public DbTransaction Transaction { get; }

    /// <summary>The time of this operation (from the hub's TimeProvider, taken when the operation started to run).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>Cancelled only when the hub stops; a started write otherwise runs to its end.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A Dapper command in this transaction.</summary>
    public CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(Command(sql, parameters));

    /// <summary>
    /// Runs a statement with <paramref name="parameters"/> given by name; returns the number of rows it changed. On
    /// SQLite a raw statement kept prepared on the writer's connection and bound by index (for statements the single
    /// writer runs on every call of a hot path: no Dapper, no binding by name), elsewhere a Dapper command.
    /// </summary>
    public Task<int> ExecuteStatementAsync(string sql, KeyValuePair<string, object?>[] parameters)
    {
        if (Connection is PreparedSqliteConnection sqlite)
        {
            return Task.FromResult(sqlite.ExecuteStatement(sql, parameters));
        }

        var named = new DynamicParameters();
        foreach (var (name, value) in parameters)
        {
            named.Add(name, value);
        }

        return ExecuteAsync(sql, named);
    }

    /// <summary>Appends a processing record in this transaction (the log's tables are in the same database).</summary>
    public Task<ProcessingLogRecord> LogAsync(ProcessingLogRecord record) => _log.AppendAsync(record, CancellationToken);

    /// <summary>
    /// Queues <paramref name="event"/> for <paramref name="recipientOin"/>: gives it the next cursor and a new
    /// event_id, stores it, and wakes that organisation's subscribers once the transaction committed. The
    /// <c>subject_ref</c> must already be the recipient's own ref for the jongere (or empty).
    /// </summary>
    public async Task<Event> AddEventAsync(string recipientOin, Event @event)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipientOin);
        ArgumentNullException.ThrowIfNull(@event);
        // Writes are serialised (one writer per node, every transaction holds the log's append lock across nodes), so
        // the counter gives strictly increasing cursors in commit order, never one twice (even after deletions).
        var cursor = await Connection.ExecuteScalarAsync<long>(Command(
            "UPDATE hub_counter SET counter_value = counter_value + 1 WHERE counter_name = 'event_cursor' RETURNING counter_value")).ConfigureAwait(false);
        var stored = @event.Clone();
        stored.Cursor = (ulong)cursor;
        stored.EventId = Guid.CreateVersion7(Now).ToString("D");
        stored.OccurTime ??= Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Now);
        await ExecuteAsync(
            "INSERT INTO hub_event (event_cursor, event_id, recipient_oin, occur_time, payload) VALUES (@cursor, @eventId, @recipientOin, @occurTime, @payload)",
            new { cursor, eventId = stored.EventId, recipientOin, occurTime = HubTime.ToStored(Now), payload = Convert.ToBase64String(stored.ToByteArray()) }).ConfigureAwait(false);
        _eventRecipients.Add(recipientOin);
        return stored;
    }
}
