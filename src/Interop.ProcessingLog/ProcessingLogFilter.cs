namespace Interop.ProcessingLog;

/// <summary>
/// Narrows a listing of the log (<see cref="IProcessingLog.ListBySubjectAsync(string, ProcessingLogPageRequest, ProcessingLogFilter?, CancellationToken)"/>,
/// <see cref="IProcessingLog.ListByOrganisationAsync(string, ProcessingLogPageRequest, ProcessingLogFilter?, CancellationToken)"/>).
/// Every property left null does not filter. A page token is only valid with the filter it was issued for.
/// </summary>
public sealed record ProcessingLogFilter
{
    /// <summary>No filtering.</summary>
    public static ProcessingLogFilter None { get; } = new();

    /// <summary>Only records that started at or after this time (inclusive lower bound).</summary>
    public DateTimeOffset? StartTimeFrom { get; init; }

    /// <summary>Only records that started before this time (exclusive upper bound); must be after <see cref="StartTimeFrom"/> when both are set.</summary>
    public DateTimeOffset? StartTimeBefore { get; init; }

    /// <summary>Only records about this data subject (its pseudonym as stored in the log).</summary>
    public string? DataSubjectRef { get; init; }

    /// <summary>Throws when the bounds contradict each other.</summary>
    internal void Validate()
    {
        if (StartTimeFrom is { } from && StartTimeBefore is { } before && before <= from)
        {
            throw new ArgumentException("StartTimeBefore must be after StartTimeFrom.", nameof(StartTimeBefore));
        }

        if (DataSubjectRef is { Length: 0 })
        {
            throw new ArgumentException("DataSubjectRef may not be empty: leave it null to list every data subject.", nameof(DataSubjectRef));
        }
    }
}
