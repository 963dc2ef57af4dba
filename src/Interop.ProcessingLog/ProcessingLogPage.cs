namespace Interop.ProcessingLog;

/// <summary>One page of records, newest first.</summary>
/// <param name="Records">The records of this page.</param>
/// <param name="NextPageToken">The opaque token of the next page, or null on the last page.</param>
public sealed record ProcessingLogPage(IReadOnlyList<ProcessingLogRecord> Records, string? NextPageToken);
