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
public sealed class ProcessingLogAppender
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private ProcessingLogChainPosition _head;

    internal ProcessingLogAppender(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
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

        var stored = await ChainCommands.InsertAfterAsync(_connection, _transaction, normalised, head.Sequence, head.Hash!, cancellationToken).ConfigureAwait(false);
        // Moved only once the record is in: an insert that failed leaves the head where it was.
        _head = new ProcessingLogChainPosition(stored.Sequence, stored.RecordHash.ToArray());
        return stored;
    }

    /// <summary>Sets the head back to <paramref name="position"/>, after the records appended since were rolled back.</summary>
    public void RewindTo(ProcessingLogChainPosition position) => _head = position;
}
