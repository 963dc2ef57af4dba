namespace Interop.ProcessingLog;

/// <summary>The outcome of <see cref="ProcessingLogVerifier.VerifyAsync(IEnumerable{ProcessingLogAnchor}, CancellationToken)"/>.</summary>
public sealed record ProcessingLogVerificationResult
{
    /// <summary>Whether every record verified.</summary>
    public bool IsValid => Defect == ProcessingLogDefect.None;

    /// <summary>How many records verified before the first bad one (all of them when valid).</summary>
    public long VerifiedCount { get; init; }

    /// <summary>
    /// The record hash of the last verified record (the genesis value for an empty log). Keep it somewhere else
    /// (a report, another system): a chain alone cannot show that its newest records were cut off.
    /// </summary>
    public ReadOnlyMemory<byte> HeadHash { get; init; }

    /// <summary>
    /// The newest record as an anchor to keep outside the log and pass to a later verification; null when the chain
    /// did not verify (a record before a defect may be forged too) or is empty.
    /// </summary>
    public ProcessingLogAnchor? Head => IsValid && VerifiedCount > 0 && HeadHash.Length == ProcessingRecordHash.HashSize ? new ProcessingLogAnchor(VerifiedCount, HeadHash.Span) : null;

    /// <summary>The sequence number of the first bad record (for a gap: the missing number); null when valid.</summary>
    public long? FirstInvalidSequence { get; init; }

    /// <summary>What is wrong with it.</summary>
    public ProcessingLogDefect Defect { get; init; }

    /// <summary>A sentence for people, e.g. "record 7: stored hash does not match its contents".</summary>
    public string Message { get; init; } = "";
}
