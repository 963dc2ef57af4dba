using Microsoft.Extensions.Logging;

namespace Interop.ProcessingLog.Internal;

/// <summary>The processing log's log messages (event ids 9100-9199).</summary>
internal static partial class ProcessingLogLog
{
    [LoggerMessage(9100, LogLevel.Information, "Processing log chain verified: {Count} records.")]
    public static partial void ChainVerified(ILogger logger, long count);

    [LoggerMessage(9101, LogLevel.Error, "Processing log chain broken at record {Sequence} ({Defect}): {Detail}")]
    public static partial void ChainBroken(ILogger logger, long sequence, ProcessingLogDefect defect, string detail);
}
