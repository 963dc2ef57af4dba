using System.Globalization;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;

namespace Interop.Hub.Referrals;

/// <summary>Checks the filter and page of a referral listing (every violation at once).</summary>
internal static class ReferralListValidation
{
    /// <summary>page_size 0 means this (common.proto).</summary>
    public const int DefaultPageSize = 50;

    /// <summary>page_size above this is lowered to it (common.proto).</summary>
    public const int MaxPageSize = 500;

    /// <summary>The query, or INVALID_ARGUMENT listing every bad field.</summary>
    public static ReferralListQuery Validate(bool sent, string callerOin, ReferralFilter? filter, PageRequest? page, SubjectDirectory subjects)
    {
        var violations = new Violations();
        filter ??= new ReferralFilter();
        page ??= new PageRequest();

        var statuses = new SortedSet<ReferralStatus>();
        for (var i = 0; i < filter.Statuses.Count; i++)
        {
            var status = filter.Statuses[i];
            if (status == ReferralStatus.Unspecified || !Enum.IsDefined(status))
            {
                violations.Add($"filter.statuses[{i}]", $"Not a referral status: {(int)status}.");
            }
            else
            {
                statuses.Add(status);
            }
        }

        var mask = 0L;
        for (var i = 0; i < filter.Leefgebieden.Count; i++)
        {
            var leefgebied = filter.Leefgebieden[i];
            if (leefgebied == Leefgebied.Unspecified || !Enum.IsDefined(leefgebied))
            {
                violations.Add($"filter.leefgebieden[{i}]", $"Not a leefgebied: {(int)leefgebied}.");
            }
            else
            {
                mask |= 1L << (int)leefgebied;
            }
        }

        long? from = null, before = null;
        if (filter.SubmitTimeRange is { } range)
        {
            from = HubTime.ToStored(ReferralFields.Time(range.StartTime, "filter.submit_time_range.start_time", violations));
            before = HubTime.ToStored(ReferralFields.Time(range.EndTime, "filter.submit_time_range.end_time", violations));
            if (from is { } f && before is { } b && b <= f)
            {
                violations.Add("filter.submit_time_range.end_time", "Must be after start_time.");
            }
        }

        var subject = subjects.Parse(filter.Subject, "filter.subject", violations, required: false);
        if (page.PageSize < 0)
        {
            violations.Add("page.page_size", "Must not be negative.");
        }

        // The listing a token is bound to: which list, whose, and every filter in canonical form (a BSN as its pseudonym).
        var canonical = string.Join('|',
            sent ? "sent" : "received",
            callerOin,
            string.Join(',', statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture))),
            mask.ToString(CultureInfo.InvariantCulture),
            from?.ToString(CultureInfo.InvariantCulture) ?? "",
            before?.ToString(CultureInfo.InvariantCulture) ?? "",
            subject?.Pseudonym is { } p ? "p:" + p : subject?.SubjectRef is { } r ? "r:" + r : "");
        var binding = ReferralPageToken.Bind(canonical);
        ReferralPagePosition? after = null;
        if (page.PageToken.Length > 0)
        {
            after = ReferralPageToken.Read(page.PageToken, binding);
            if (after is null)
            {
                violations.Add("page.page_token", "Not a page token of this listing: pass next_page_token unchanged, with the same filters.");
            }
        }

        violations.ThrowIfAny();
        var pageSize = page.PageSize == 0 ? DefaultPageSize : Math.Min(page.PageSize, MaxPageSize);
        return new ReferralListQuery(sent, callerOin, [.. statuses], mask, from, before, subject, pageSize, after, binding);
    }
}
