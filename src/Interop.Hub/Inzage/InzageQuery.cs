using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Inzage;

/// <summary>A validated listing request of ProcessingLogService.</summary>
/// <param name="Subject">The jongere asked about (required by subject, optional by organisation).</param>
/// <param name="Filter">The start time range (the data subject is added once the jongere is resolved).</param>
/// <param name="PageSize">The page size as asked (0 = the default; the log applies default and maximum).</param>
/// <param name="LogToken">The processing log's page token, or null for the first page.</param>
/// <param name="Fingerprint">The fingerprint of the filters, for the next page token.</param>
internal sealed record InzageQuery(SubjectInput? Subject, ProcessingLogFilter Filter, int PageSize, string? LogToken, byte[] Fingerprint);
