using Interop.ProcessingLog.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.ProcessingLog;

/// <summary>
/// Walks the whole chain in sequence order and reports the first record that does not verify (interop-admin
/// <c>log verify</c>): a gap in the sequence, a previous hash that is not its predecessor's record hash, or a record
/// hash that does not match the record's canonical encoding (<see cref="ProcessingRecordHash"/>).
/// </summary>
public sealed class ProcessingLogVerifier
{
    /// <summary>How many records are read per round trip: 1000.</summary>
    public const int BatchSize = 1000;

    private readonly IProcessingLog _log;
    private readonly ILogger _logger;

    /// <summary>Verifies <paramref name="log"/>.</summary>
    public ProcessingLogVerifier(IProcessingLog log, ILogger<ProcessingLogVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Verifies the chain from the first record to the last; stops at the first bad record.</summary>
    public Task<ProcessingLogVerificationResult> VerifyAsync(CancellationToken cancellationToken = default) =>
        VerifyAsync([], cancellationToken);

    /// <summary>
    /// Verifies the chain from the first record to the last, and that it holds every record of
    /// <paramref name="anchors"/> with the anchored hash: so a chain recomputed after tampering
    /// (<see cref="ProcessingLogDefect.AnchorMismatch"/>) and newest records cut off
    /// (<see cref="ProcessingLogDefect.Truncated"/>) are found too. Stops at the first bad record.
    /// </summary>
    /// <exception cref="ArgumentException">Two anchors name the same record with different hashes.</exception>
    public Task<ProcessingLogVerificationResult> VerifyAsync(IEnumerable<ProcessingLogAnchor> anchors, CancellationToken cancellationToken = default) =>
        WalkAsync(Index(anchors), expected: 1, ProcessingRecordHash.GenesisHash.ToArray(), trusted: 0, cancellationToken);

    /// <summary>
    /// Verifies only what was appended after <paramref name="from"/>, an anchor this verifier (or a full verification)
    /// produced earlier: the anchored record must still be in the log, unchanged and with the anchored hash, and every
    /// later record must chain from it. The records before the anchor are not read again; the anchor vouches for them
    /// as they were when it was taken (a full <see cref="VerifyAsync(IEnumerable{ProcessingLogAnchor}, CancellationToken)"/>
    /// checks them). <see cref="ProcessingLogVerificationResult.VerifiedCount"/> is then the sequence number of the last
    /// record verified, so <see cref="ProcessingLogVerificationResult.Head"/> is the next anchor. A null
    /// <paramref name="from"/> verifies the whole chain.
    /// </summary>
    public async Task<ProcessingLogVerificationResult> VerifyAfterAsync(ProcessingLogAnchor? from, CancellationToken cancellationToken = default)
    {
        if (from is null)
        {
            return await VerifyAsync(cancellationToken).ConfigureAwait(false);
        }

        // The anchored record itself: there, unaltered (its own hash) and the anchored one. Its link backwards is what
        // the anchor vouches for, so it is checked against the record's own previous hash.
        var first = await _log.ReadChainAsync(from.Sequence - 1, 1, cancellationToken).ConfigureAwait(false);
        var defect = first.Count == 0
            ? (from.Sequence, ProcessingLogDefect.Truncated,
                $"record {from.Sequence}, which the anchor {from} names, is no longer in the log: the log was cut off at or before it.")
            : Check(first[0], from.Sequence, first[0].PreviousHash.ToArray())
                ?? CheckAnchor(first[0], new Dictionary<long, ProcessingLogAnchor> { [from.Sequence] = from }, trusted: 0);
        if (defect is { } found)
        {
            return Broken(found, from.Sequence - 1, []);
        }

        return await WalkAsync(new Dictionary<long, ProcessingLogAnchor>(), from.Sequence + 1, from.Hash.ToArray(), from.Sequence, cancellationToken).ConfigureAwait(false);
    }

    // Verifies from record `expected` on, which must link to `previousHash`; `trusted` is the last record an anchor
    // vouched for (0: none yet).
    private async Task<ProcessingLogVerificationResult> WalkAsync(Dictionary<long, ProcessingLogAnchor> anchored, long expected, byte[] previousHash, long trusted, CancellationToken cancellationToken)
    {
        var from = expected;
        while (true)
        {
            var batch = await _log.ReadChainAsync(expected - 1, BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in batch)
            {
                var defect = Check(record, expected, previousHash) ?? CheckAnchor(record, anchored, trusted);
                if (defect is { } found)
                {
                    return Broken(found, expected - 1, previousHash);
                }

                if (anchored.ContainsKey(record.Sequence))
                {
                    trusted = record.Sequence;
                }

                previousHash = record.RecordHash.ToArray();
                expected++;
            }

            if (batch.Count < BatchSize)
            {
                var last = expected - 1;
                var beyond = anchored.Keys.Where(sequence => sequence > last).DefaultIfEmpty().Max();
                if (beyond > 0)
                {
                    return Broken((expected, ProcessingLogDefect.Truncated,
                        $"the log ends at record {last}, but an anchor names record {beyond}: records {expected} to {beyond} at least were removed."), last, previousHash);
                }

                ProcessingLogLog.ChainVerified(_logger, last);
                return new ProcessingLogVerificationResult
                {
                    VerifiedCount = last,
                    HeadHash = previousHash,
                    Message = from > 1 ? (last < from ? $"no records after record {from - 1}; it still matches its anchor." : $"records {from} to {last} verify after the anchor on record {from - 1}.")
                        : anchored.Count == 0 ? $"{last} records verify." : $"{last} records verify, and the {anchored.Count} anchor(s) match.",
                };
            }
        }
    }

    private ProcessingLogVerificationResult Broken((long Sequence, ProcessingLogDefect Defect, string Message) found, long verifiedCount, byte[] headHash)
    {
        ProcessingLogLog.ChainBroken(_logger, found.Sequence, found.Defect, found.Message);
        return new ProcessingLogVerificationResult
        {
            VerifiedCount = verifiedCount,
            HeadHash = headHash,
            FirstInvalidSequence = found.Sequence,
            Defect = found.Defect,
            Message = found.Message,
        };
    }

    private static Dictionary<long, ProcessingLogAnchor> Index(IEnumerable<ProcessingLogAnchor> anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var list = anchors.ToList();
        if (list.Contains(null!))
        {
            throw new ArgumentNullException(nameof(anchors), "An anchor is null.");
        }

        var conflicts = ProcessingLogAnchor.FindConflicts(list);
        if (conflicts.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", conflicts), nameof(anchors));
        }

        return list.DistinctBy(anchor => anchor.Sequence).ToDictionary(anchor => anchor.Sequence);
    }

    // A record whose chain links verify but whose hash is not the anchored one: the chain was rebuilt from some record
    // at or before it, after the last anchor that matched.
    private static (long Sequence, ProcessingLogDefect Defect, string Message)? CheckAnchor(ProcessingLogRecord record, Dictionary<long, ProcessingLogAnchor> anchored, long trusted) =>
        anchored.TryGetValue(record.Sequence, out var anchor) && !anchor.Matches(record.RecordHash.Span)
            ? (record.Sequence, ProcessingLogDefect.AnchorMismatch,
                $"record {record.Sequence}: its hash differs from the anchor {anchor}; the chain was rewritten at or before it" +
                (trusted > 0 ? $" (after record {trusted}, whose anchor matched)." : "."))
            : null;

    private static (long Sequence, ProcessingLogDefect Defect, string Message)? Check(ProcessingLogRecord record, long expected, byte[] previousHash)
    {
        // Order matters: a removed record shows first as a gap, then as a broken link; name the gap.
        if (record.Sequence != expected)
        {
            return (expected, ProcessingLogDefect.SequenceGap, $"record {expected} is missing (the next stored record is {record.Sequence}).");
        }

        if (!record.PreviousHash.Span.SequenceEqual(previousHash))
        {
            return (expected, ProcessingLogDefect.BrokenLink, $"record {expected}: previous hash does not match the hash of record {expected - 1}.");
        }

        if (!record.HasValidHash())
        {
            return (expected, ProcessingLogDefect.HashMismatch, $"record {expected}: stored hash does not match its contents.");
        }

        return null;
    }
}
