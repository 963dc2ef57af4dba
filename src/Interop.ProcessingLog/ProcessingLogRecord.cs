using Interop.Contracts.V1;

namespace Interop.ProcessingLog;

/// <summary>
/// One processing of personal data of one data subject (Logius Logboek Dataverwerkingen), with the VNG
/// Verwerkingenlogging additions vertrouwelijkheid and bewaartermijn. Fill the fields and pass it to
/// <see cref="IProcessingLog.AppendAsync"/>; the log returns a copy with <see cref="Sequence"/>,
/// <see cref="PreviousHash"/> and <see cref="RecordHash"/> set. Times are kept to the microsecond.
/// </summary>
public sealed record ProcessingLogRecord
{
    /// <summary>The position in the chain (1, 2, ...); 0 until appended.</summary>
    public long Sequence { get; init; }

    /// <summary>W3C trace-id of the call: 32 lower-case hex digits. Required.</summary>
    public required string TraceId { get; init; }

    /// <summary>W3C span-id of this processing: 16 lower-case hex digits. Required.</summary>
    public required string SpanId { get; init; }

    /// <summary>The caller's span-id from its traceparent, or empty when the call carried none.</summary>
    public string ParentSpanId { get; init; } = "";

    /// <summary>The processing activity: a reference into the register of processing activities (AVG art. 30). Required.</summary>
    public required string ProcessingActivityId { get; init; }

    /// <summary>The operation, e.g. the full gRPC method name. Optional.</summary>
    public string Operation { get; init; } = "";

    /// <summary>What kind of processing (read, create, ...). Required.</summary>
    public required ProcessingAction Action { get; init; }

    /// <summary>The purpose code (doelbinding). Required.</summary>
    public required string PurposeCode { get; init; }

    /// <summary>The legal basis; <see cref="ProcessingLegalBasis.None"/> when the call failed before one was found.</summary>
    public ProcessingLegalBasis LegalBasis { get; init; } = ProcessingLegalBasis.None;

    /// <summary>The OIN of the organisation that requested the processing (afnemer). Required, 20 digits.</summary>
    public required string RequestingOrganisationOin { get; init; }

    /// <summary>The OIN of the organisation that carried it out (uitvoerder); empty when it is the hub itself.</summary>
    public string ExecutingOrganisationOin { get; init; } = "";

    /// <summary>The data subject as a pseudonym (at most 64 characters). Never a BSN: a bare 8- or 9-digit value is refused.</summary>
    public required string DataSubjectRef { get; init; }

    /// <summary>The categories of personal data processed, in the order given.</summary>
    public IReadOnlyList<DataCategory> DataCategories { get; init; } = [];

    /// <summary>OK or ERROR. Required.</summary>
    public required ProcessingStatus Status { get; init; }

    /// <summary>When the processing started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When it ended; not before <see cref="StartTime"/>.</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Vertrouwelijkheid (VNG): defaults to normaal.</summary>
    public Vertrouwelijkheid Vertrouwelijkheid { get; init; } = Vertrouwelijkheid.Normaal;

    /// <summary>Bewaartermijn (VNG): the retention period as an ISO 8601 duration, e.g. "P5Y". Required.</summary>
    public required string Bewaartermijn { get; init; }

    /// <summary>The record hash of the record before this one (32 bytes); the genesis value for the first. Set by the log.</summary>
    public ReadOnlyMemory<byte> PreviousHash { get; init; }

    /// <summary>SHA-256 over the canonical encoding (see <see cref="ProcessingRecordHash"/>). Set by the log.</summary>
    public ReadOnlyMemory<byte> RecordHash { get; init; }

    /// <summary>Whether the record hash matches the record's fields and previous hash.</summary>
    public bool HasValidHash() => RecordHash.Length == ProcessingRecordHash.HashSize
        && ProcessingRecordHash.Compute(this, PreviousHash.Span).AsSpan().SequenceEqual(RecordHash.Span);
}
