using System.Data.Common;
using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Storage.Internal;

namespace Interop.ProcessingLog;

/// <summary>
/// Appends processing records inside one caller transaction (see <see cref="ProcessingLogTransaction"/>), reading the
/// chain head from the database once and keeping it from then on: the transaction holds the append lock, so no one
/// else can move the head until it ends. A caller that rolls back to a savepoint must rewind the appender to the
/// <see cref="Position"/> it had when the savepoint was taken. Use one appender per transaction, from one caller at a
/// time.
/// </summary>
/// <remarks>
/// A buffered appender (<see cref="ProcessingLogTransaction.CreateBufferedAppender"/>) links and hashes each record
/// at once but inserts them all at <see cref="CommitAsync"/>, in one batch where the database has them: one round
/// trip per transaction instead of one per record on PostgreSQL. Its <see cref="RewindTo"/> is then what drops the
/// records of a rolled-back operation, and a transaction must be committed through <see cref="CommitAsync"/>.
/// </remarks>
public sealed class ProcessingLogAppender
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly List<ProcessingLogRecord>? _buffer;
    private ProcessingLogChainPosition _head;

    internal ProcessingLogAppender(DbConnection connection, DbTransaction transaction, bool buffered)
    {
        _connection = connection;
        _transaction = transaction;
        _buffer = buffered ? [] : null;
    }

    /// <summary>Where the chain ends as far as this transaction is concerned (unknown until the first append).</summary>
    public ProcessingLogChainPosition Position => _head;

    /// <summary>Validates <paramref name="record"/>, links it to the head and inserts it; returns it with its sequence and hashes.</summary>
    /// <exception cref="ProcessingLogValidationException">A field is missing or malformed.</exception>
    public async Task<ProcessingLogRecord> AppendAsync(ProcessingLogRecord record, CancellationToken cancellationToken = default)
    {
        var normalised = RecordValidator.Normalise(record);
        var head = _head;
        if (!head.IsKnown)
        {
            var (sequence, hash) = await ChainCommands.ReadHeadAsync(_connection, _transaction, cancellationToken).ConfigureAwait(false);
            head = new ProcessingLogChainPosition(sequence, hash);
        }

        ProcessingLogRecord stored;
        if (_buffer is { } buffer)
        {
            stored = ChainCommands.Link(normalised, head.Sequence, head.Hash!);
            buffer.Add(stored);
        }
        else
        {
            stored = await ChainCommands.InsertAfterAsync(_connection, _transaction, normalised, head.Sequence, head.Hash!, cancellationToken).ConfigureAwait(false);
        }

        // Moved only once the record is in (or buffered): an insert that failed leaves the head where it was.
        _head = new ProcessingLogChainPosition(stored.Sequence, stored.RecordHash.ToArray());
        return stored;
    }

    /// <summary>
    /// Sets the head back to <paramref name="position"/>, after the records appended since were rolled back; a buffered
    /// appender drops them from its buffer.
    /// </summary>
    public void RewindTo(ProcessingLogChainPosition position)
    {
        // A position not read yet (the head was first read after it) rewinds to before every record of this appender.
        _buffer?.RemoveAll(record => record.Sequence > position.Sequence || !position.IsKnown);
        _head = position;
    }

    /// <summary>
    /// Inserts what a buffered appender holds (in one batch where the database has them), then commits the
    /// transaction; an insert that fails leaves the transaction uncommitted. For an unbuffered appender, commits.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_buffer is { Count: > 0 } buffer)
        {
            await ChainCommands.InsertAllAsync(_connection, _transaction, buffer, cancellationToken).ConfigureAwait(false);
            buffer.Clear();
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
