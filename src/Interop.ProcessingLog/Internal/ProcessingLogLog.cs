using Microsoft.Extensions.Logging;

namespace Interop.ProcessingLog.Internal;

/// <summary>The processing log's log messages (event ids 9100-9199).</summary>
internal static partial class ProcessingLogLog
{
    [LoggerMessage(9100, LogLevel.Information, "Processing log chain verified: {Count} records.")]
    public static partial void ChainVerified(ILogger logger, long count);

    [LoggerMessage(9101, LogLevel.Error, "Processing log chain broken at record {Sequence} ({Defect}): {Detail}")]
    public static partial void ChainBroken(ILogger logger, long sequence, ProcessingLogDefect defect, string detail);

    [LoggerMessage(9102, LogLevel.Information, "Processing log anchor {Anchor}: records {From} to {To} verify. Keep it outside the database; 'interop-admin log verify --anchor' checks the log against it.")]
    public static partial void AnchorPublished(ILogger logger, string anchor, long from, long to);

    [LoggerMessage(9103, LogLevel.Error, "No processing log anchor published: after the anchor {LastAnchor} the chain is broken at record {Sequence} ({Defect}): {Detail}")]
    public static partial void AnchorWithheld(ILogger logger, string lastAnchor, long sequence, ProcessingLogDefect defect, string detail);

    [LoggerMessage(9104, LogLevel.Error, "The anchor file {Path} cannot be read, so verification starts again from the first record: {Detail}")]
    public static partial void AnchorFileUnreadable(ILogger logger, string path, string detail);

    [LoggerMessage(9105, LogLevel.Error, "Publishing a processing log anchor failed; trying again at the next interval.")]
    public static partial void AnchorFailed(ILogger logger, Exception exception);
}
