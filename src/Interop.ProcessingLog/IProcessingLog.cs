namespace Interop.ProcessingLog;

/// <summary>
/// The processing log: append-only and hash-chained. There is deliberately no way to change or remove a record.
/// </summary>
public interface IProcessingLog
{
    /// <summary>
    /// Validates <paramref name="record"/>, chains it to the last record and stores it, serialised against every other
    /// writer on the same database (other threads, processes and hub nodes). Returns the stored record with its
    /// sequence number, previous hash and record hash. Throws when the record cannot be stored: the caller's operation
    /// must then fail too (a failed log write fails the operation).
    /// </summary>
    /// <exception cref="ProcessingLogValidationException">A field is missing or malformed (every problem is listed).</exception>
    Task<ProcessingLogRecord> AppendAsync(ProcessingLogRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inzage: the records about one data subject, newest first, leaving out records that are
    /// <see cref="Contracts.V1.Vertrouwelijkheid.Vertrouwelijk"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The page token is not one this log issued.</exception>
    Task<ProcessingLogPage> ListBySubjectAsync(string dataSubjectRef, ProcessingLogPageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inzage as <see cref="ListBySubjectAsync(string, ProcessingLogPageRequest, CancellationToken)"/>, narrowed by
    /// <paramref name="filter"/> (start time range; a null filter lists all).
    /// </summary>
    /// <exception cref="ArgumentException">The page token is not one this log issued for this listing and filter, or the filter's bounds contradict.</exception>
    Task<ProcessingLogPage> ListBySubjectAsync(string dataSubjectRef, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken = default);

    /// <summary>The records of processings requested by the organisation <paramref name="oin"/> (as afnemer), newest first.</summary>
    /// <exception cref="ArgumentException">The page token is not one this log issued.</exception>
    Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// The organisation's records as <see cref="ListByOrganisationAsync(string, ProcessingLogPageRequest, CancellationToken)"/>,
    /// narrowed by <paramref name="filter"/> (start time range, data subject; a null filter lists all).
    /// </summary>
    /// <exception cref="ArgumentException">The page token is not one this log issued for this listing and filter, or the filter's bounds contradict.</exception>
    Task<ProcessingLogPage> ListByOrganisationAsync(string oin, ProcessingLogPageRequest page, ProcessingLogFilter? filter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="maxCount"/> records with a sequence above <paramref name="afterSequence"/>, in sequence
    /// order, exactly as stored (for <see cref="ProcessingLogVerifier"/> and exports).
    /// </summary>
    Task<IReadOnlyList<ProcessingLogRecord>> ReadChainAsync(long afterSequence, int maxCount, CancellationToken cancellationToken = default);
}
