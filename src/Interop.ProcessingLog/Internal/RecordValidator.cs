using System.Text.RegularExpressions;
using Interop.Contracts.V1;

namespace Interop.ProcessingLog.Internal;

/// <summary>Checks a record before it is appended and normalises what the log stores (UTC, microseconds).</summary>
internal static partial class RecordValidator
{
    private const int MaxTextLength = 200;

    public static ProcessingLogRecord Normalise(ProcessingLogRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<string>();
        if (!TraceContext.IsValidTraceId(record.TraceId))
        {
            errors.Add("trace_id must be 32 lower-case hex digits, not all zero (W3C Trace Context).");
        }

        if (!TraceContext.IsValidSpanId(record.SpanId))
        {
            errors.Add("span_id must be 16 lower-case hex digits, not all zero (W3C Trace Context).");
        }

        if (record.ParentSpanId is null || (record.ParentSpanId.Length > 0 && !TraceContext.IsValidSpanId(record.ParentSpanId)))
        {
            errors.Add("parent_span_id must be empty or 16 lower-case hex digits, not all zero.");
        }

        RequireText(errors, "processing_activity_id", record.ProcessingActivityId, required: true);
        RequireText(errors, "operation", record.Operation, required: false);
        RequireText(errors, "purpose", record.PurposeCode, required: true);
        if (record.LegalBasis is null || (record.LegalBasis.Kind != ProcessingLegalBasisKind.None && record.LegalBasis.Value.Length > MaxTextLength))
        {
            errors.Add($"legal_basis must be set (ProcessingLegalBasis.None when there is none) and at most {MaxTextLength} characters.");
        }

        if (record.RequestingOrganisationOin is null || !OinPattern().IsMatch(record.RequestingOrganisationOin))
        {
            errors.Add("requesting_organisation must be an OIN of 20 digits.");
        }

        if (record.ExecutingOrganisationOin is null || (record.ExecutingOrganisationOin.Length > 0 && !OinPattern().IsMatch(record.ExecutingOrganisationOin)))
        {
            errors.Add("executing_organisation must be empty or an OIN of 20 digits.");
        }

        if (string.IsNullOrWhiteSpace(record.DataSubjectRef) || record.DataSubjectRef.Length > 64)
        {
            errors.Add("data_subject_ref must be a pseudonym of 1 to 64 characters.");
        }
        else if (BsnLikePattern().IsMatch(record.DataSubjectRef))
        {
            // The log holds pseudonyms only: a bare 8/9-digit value is most likely a BSN passed by mistake.
            errors.Add("data_subject_ref looks like a BSN; the log takes the pseudonym (subject_ref), never the BSN.");
        }

        if (record.DataCategories is null || record.DataCategories.Any(c => c == DataCategory.Unspecified || !Enum.IsDefined(c)))
        {
            errors.Add("data_categories must hold defined categories only.");
        }

        if (record.Action == ProcessingAction.Unspecified || !Enum.IsDefined(record.Action))
        {
            errors.Add("action must be a defined processing action.");
        }

        if (record.Status is not (ProcessingStatus.Ok or ProcessingStatus.Error))
        {
            errors.Add("status must be OK or ERROR.");
        }

        if (record.EndTime < record.StartTime)
        {
            errors.Add("end_time must not be before start_time.");
        }

        if (record.Vertrouwelijkheid == Vertrouwelijkheid.Unspecified || !Enum.IsDefined(record.Vertrouwelijkheid))
        {
            errors.Add("vertrouwelijkheid must be NORMAAL, VERTROUWELIJK or OPGEHEVEN.");
        }

        if (record.Bewaartermijn is null || !DurationPattern().IsMatch(record.Bewaartermijn))
        {
            errors.Add("bewaartermijn must be an ISO 8601 duration such as P5Y or P18M.");
        }

        if (errors.Count > 0)
        {
            throw new ProcessingLogValidationException(errors);
        }

        // Stored and hashed to the microsecond in UTC, so the record read back hashes the same as the one appended.
        return record with
        {
            StartTime = ProcessingRecordHash.FromUnixMicroseconds(ProcessingRecordHash.ToUnixMicroseconds(record.StartTime)),
            EndTime = ProcessingRecordHash.FromUnixMicroseconds(ProcessingRecordHash.ToUnixMicroseconds(record.EndTime)),
            DataCategories = [.. record.DataCategories ?? []],
        };
    }

    private static void RequireText(List<string> errors, string field, string? value, bool required)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)) || value.Length > MaxTextLength)
        {
            errors.Add(required ? $"{field} is required and at most {MaxTextLength} characters." : $"{field} must be at most {MaxTextLength} characters.");
        }
    }

    [GeneratedRegex("^[0-9]{20}$")]
    private static partial Regex OinPattern();

    [GeneratedRegex("^[0-9]{8,9}$")]
    private static partial Regex BsnLikePattern();

    // ISO 8601 duration with at least one component (PnYnMnWnDTnHnMnS).
    [GeneratedRegex("^P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$")]
    private static partial Regex DurationPattern();
}
