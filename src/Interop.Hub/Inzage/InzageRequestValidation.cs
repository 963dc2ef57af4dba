using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Inzage;

/// <summary>Checks ProcessingLogService requests; every bad field is collected, so one INVALID_ARGUMENT lists them all.</summary>
internal sealed class InzageRequestValidation(SubjectDirectory subjects)
{
    // google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>The query of a by-subject request (inzage); throws INVALID_ARGUMENT listing every problem.</summary>
    public InzageQuery Validate(ListProcessingRecordsBySubjectRequest request, string callerOin)
    {
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        return Finish("by-subject", callerOin, subject, request.StartTimeRange, request.Page, violations);
    }

    /// <summary>The query of a by-organisation request; throws INVALID_ARGUMENT listing every problem.</summary>
    public InzageQuery Validate(ListProcessingRecordsByOrganisationRequest request, string callerOin)
    {
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations, required: false);
        return Finish("by-organisation", callerOin, subject, request.StartTimeRange, request.Page, violations);
    }

    private static InzageQuery Finish(string listing, string callerOin, SubjectInput? subject, TimeRange? range, PageRequest? page, Violations violations)
    {
        var from = ReadTime(range?.StartTime, "start_time_range.start_time", violations);
        var before = ReadTime(range?.EndTime, "start_time_range.end_time", violations);
        if (from is { } f && before is { } b && b <= f)
        {
            violations.Add("start_time_range.end_time", "Must be after start_time_range.start_time.");
        }

        page ??= new PageRequest();
        if (page.PageSize < 0)
        {
            violations.Add("page.page_size", "page_size must not be negative.");
        }

        // The fingerprint names the jongere by the hub's pseudonym (BSN) or the caller's own subject_ref, never the BSN.
        var fingerprint = InzagePageToken.Fingerprint(
            listing,
            callerOin,
            subject is null ? "-" : subject.Pseudonym ?? "ref:" + subject.SubjectRef,
            from?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-",
            before?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-");
        string? logToken = null;
        if (page.PageToken.Length > 0)
        {
            // With other fields already invalid the filters are unknown: then only the token's form is checked.
            if (InzagePageToken.TryRead(page.PageToken, violations.IsEmpty ? fingerprint : null, out var inner))
            {
                logToken = inner;
            }
            else
            {
                violations.Add("page.page_token", "Not a page token of this listing: use next_page_token unchanged, with the same filters.");
            }
        }

        violations.ThrowIfAny();
        return new InzageQuery(subject, new ProcessingLogFilter { StartTimeFrom = from, StartTimeBefore = before }, page.PageSize, logToken, fingerprint);
    }

    private static DateTimeOffset? ReadTime(Timestamp? timestamp, string field, Violations violations)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (timestamp.Seconds is < MinSeconds or > MaxSeconds || timestamp.Nanos is < 0 or > 999_999_999)
        {
            violations.Add(field, "Not a valid timestamp (0001-01-01 to 9999-12-31, nanos 0-999999999).");
            return null;
        }

        return timestamp.ToDateTimeOffset();
    }
}
