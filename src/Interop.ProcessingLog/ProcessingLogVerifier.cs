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
    public async Task<ProcessingLogVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = ProcessingRecordHash.GenesisHash.ToArray();
        while (true)
        {
            var batch = await _log.ReadChainAsync(expected - 1, BatchSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in batch)
            {
                var defect = Check(record, expected, previousHash);
                if (defect is { } found)
                {
                    var result = new ProcessingLogVerificationResult
                    {
                        VerifiedCount = expected - 1,
                        HeadHash = previousHash,
                        FirstInvalidSequence = found.Sequence,
                        Defect = found.Defect,
                        Message = found.Message,
                    };
                    ProcessingLogLog.ChainBroken(_logger, found.Sequence, found.Defect, found.Message);
                    return result;
                }

                previousHash = record.RecordHash.ToArray();
                expected++;
            }

            if (batch.Count < BatchSize)
            {
                ProcessingLogLog.ChainVerified(_logger, expected - 1);
                return new ProcessingLogVerificationResult
                {
                    VerifiedCount = expected - 1,
                    HeadHash = previousHash,
                    Message = $"{expected - 1} records verify.",
                };
            }
        }
    }

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
