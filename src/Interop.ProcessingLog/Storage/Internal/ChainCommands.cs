using System.Data.Common;
using Dapper;
using Interop.ProcessingLog.Internal;
using Interop.Storage;

namespace Interop.ProcessingLog.Storage.Internal;

/// <summary>
/// The log's SQL, shared by both providers (the schema is portable). The caller provides the connection and, for
/// <see cref="AppendAsync"/>, a transaction that already excludes every other appender.
/// </summary>
internal static class ChainCommands
{
    /// <summary>Reads the chain head, links <paramref name="record"/> to it and inserts it. Must run under the append lock.</summary>
    public static async Task<ProcessingLogRecord> AppendAsync(DbConnection connection, DbTransaction transaction, ProcessingLogRecord record, CancellationToken cancellationToken)
    {
        var (sequence, hash) = await ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        return await InsertAfterAsync(connection, transaction, record, sequence, hash, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last record's sequence number and hash (0 and the genesis hash for an empty log). Under the append lock.</summary>
    public static async Task<(long Sequence, byte[] Hash)> ReadHeadAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            "SELECT sequence_no AS SequenceNo, record_hash AS RecordHash FROM processing_record ORDER BY sequence_no DESC LIMIT 1",
            transaction: transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return head is null ? (0, ProcessingRecordHash.GenesisHash.ToArray()) : (head.SequenceNo, Convert.FromHexString(head.RecordHash));
    }

    /// <summary>Links <paramref name="record"/> to the head (<paramref name="headSequence"/>, <paramref name="headHash"/>) and inserts it.</summary>
    public static async Task<ProcessingLogRecord> InsertAfterAsync(
        DbConnection connection, DbTransaction transaction, ProcessingLogRecord record, long headSequence, byte[] headHash, CancellationToken cancellationToken)
    {
        var stored = Link(record, headSequence, headHash);
        await InsertAsync(connection, transaction, stored, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary><paramref name="record"/> as the successor of the head (<paramref name="headSequence"/>, <paramref name="headHash"/>): its sequence and hashes.</summary>
    public static ProcessingLogRecord Link(ProcessingLogRecord record, long headSequence, byte[] headHash)
    {
        var linked = record with { Sequence = headSequence + 1, PreviousHash = headHash };
        return linked with { RecordHash = ProcessingRecordHash.Compute(linked, headHash) };
    }

    /// <summary>
    /// Inserts linked <paramref name="records"/> in order: in one batch (one round trip) where the connection has
    /// batches (PostgreSQL), else one statement each.
    /// </summary>
    public static async Task InsertAllAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ProcessingLogRecord> records, CancellationToken cancellationToken)
    {
        if (!connection.CanCreateBatch)
        {
            foreach (var record in records)
            {
                await InsertAsync(connection, transaction, record, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var batch = connection.CreateBatch();
        await using (batch.ConfigureAwait(false))
        {
            batch.Transaction = transaction;
            foreach (var record in records)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = RecordRow.InsertPositional;
                foreach (var value in RecordRow.From(record).InsertValues())
                {
                    var parameter = command.CreateParameter();
                    parameter.Value = value;
                    command.Parameters.Add(parameter);
                }

                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, ProcessingLogRecord record, CancellationToken cancellationToken)
    {
        // On SQLite a raw statement bound by index: every logged call inserts at least one record in the single
        // writer, and Dapper's parameters plus Microsoft.Data.Sqlite's binding by name cost it several µs each time.
        return connection is PreparedSqliteConnection sqlite
            ? Task.FromResult(sqlite.ExecuteStatement(RecordRow.Insert, RecordRow.From(record).InsertParameters()))
            : connection.ExecuteAsync(new CommandDefinition(RecordRow.Insert, RecordRow.From(record), transaction, cancellationToken: cancellationToken));
    }

    public static async Task<ProcessingLogPage> ListAsync(
        DbConnection connection, string column, string value, bool leaveOutConfidential, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        filter ??= ProcessingLogFilter.None;
        filter.Validate();
        var size = page.EffectiveSize;
        // The token is bound to the listing and its filter, so a token of another listing is refused instead of
        // silently paging a different result set.
        var fingerprint = PageToken.Fingerprint(column, value, filter);
        var before = PageToken.Decode(page.PageToken, fingerprint);
        var from = filter.StartTimeFrom is { } f ? ProcessingRecordHash.ToUnixMicroseconds(f) : (long?)null;
        var until = filter.StartTimeBefore is { } u ? ProcessingRecordHash.ToUnixMicroseconds(u) : (long?)null;
        var subject = filter.DataSubjectRef;
        // Keyset paging on the sequence number, newest first; one row more than asked tells whether a next page exists.
        var sql = $"SELECT {RecordRow.Columns} FROM processing_record WHERE {column} = @value" +
            (before is null ? "" : " AND sequence_no < @before") +
            (from is null ? "" : " AND start_time >= @from") +
            (until is null ? "" : " AND start_time < @until") +
            (subject is null ? "" : " AND data_subject_ref = @subject") +
            (leaveOutConfidential ? $" AND vertrouwelijkheid <> {(int)Contracts.V1.Vertrouwelijkheid.Vertrouwelijk}" : "") +
            " ORDER BY sequence_no DESC LIMIT @limit";
        var rows = (await connection.QueryAsync<RecordRow>(new CommandDefinition(
            sql, new { value, before, from, until, subject, limit = size + 1 }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        var records = rows.Take(size).Select(r => r.ToRecord()).ToList();
        return new ProcessingLogPage(records, rows.Count > size ? PageToken.Encode(records[^1].Sequence, fingerprint) : null);
    }

    public static async Task<IReadOnlyList<ProcessingLogRecord>> ReadChainAsync(DbConnection connection, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        var rows = await connection.QueryAsync<RecordRow>(new CommandDefinition(
            $"SELECT {RecordRow.Columns} FROM processing_record WHERE sequence_no > @afterSequence ORDER BY sequence_no LIMIT @maxCount",
            new { afterSequence, maxCount },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    private sealed class HeadRow
    {
        public long SequenceNo { get; set; }

        public string RecordHash { get; set; } = "";
    }
}
