using System.Globalization;
using System.Text;
using Dapper;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Handovers;

internal sealed partial class PlanHandoverGrpcService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    /// <inheritdoc />
    public override async Task<ListHandoversResponse> ListHandovers(ListHandoversRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        if (!Enum.IsDefined(request.Direction))
        {
            violations.Add("direction", "Unknown direction.");
        }

        for (var i = 0; i < request.Statuses.Count; i++)
        {
            if (request.Statuses[i] == HandoverStatus.Unspecified || !Enum.IsDefined(request.Statuses[i]))
            {
                violations.Add($"statuses[{i}]", "Must be OFFERED, ACCEPTED or DECLINED.");
            }
        }

        var subject = subjects.Parse(request.Subject, "subject", violations, required: false);
        long? start = null;
        long? end = null;
        if (request.OfferTimeRange is { } range)
        {
            start = Bound(range.StartTime, "offer_time_range.start_time", violations);
            end = Bound(range.EndTime, "offer_time_range.end_time", violations);
            if (start is not null && end is not null && end <= start)
            {
                violations.Add("offer_time_range.end_time", "Must be after start_time.");
            }
        }

        var page = request.Page ?? new PageRequest();
        if (page.PageSize < 0)
        {
            violations.Add("page.page_size", "page_size must not be negative.");
        }

        var statuses = request.Statuses.Select(s => (short)s).Distinct().Order().ToArray();
        var filters = new StringBuilder()
            .Append(call.CallerOin).Append('|').Append((int)request.Direction).Append('|').AppendJoin(',', statuses).Append('|')
            .Append(subject?.Pseudonym ?? subject?.SubjectRef ?? "").Append('|')
            .Append(start?.ToString(CultureInfo.InvariantCulture)).Append('|').Append(end?.ToString(CultureInfo.InvariantCulture))
            .ToString();
        long? afterTime = null;
        string? afterId = null;
        if (page.PageToken.Length > 0)
        {
            if (HandoverPageToken.TryRead(page.PageToken, filters, out var lastTime, out var lastId))
            {
                (afterTime, afterId) = (lastTime, lastId);
            }
            else
            {
                violations.Add("page.page_token", "Not a page token of this listing: use next_page_token unchanged, with the same filters.");
            }
        }

        violations.ThrowIfAny();
        var pageSize = page.PageSize == 0 ? DefaultPageSize : Math.Min(page.PageSize, MaxPageSize);

        // The page and its processing records (one per jongere on it) are one ReadThenRecordAsync: one snapshot, and
        // the page is returned only once recorded; an empty page records nothing. The record step fills in the
        // caller's subject_refs (issuing any not issued yet).
        var refs = new Dictionary<string, string>(StringComparer.Ordinal);
        var rows = await database.ReadThenRecordAsync(async (connection, transaction, token) =>
        {
            string? pseudonym = null;
            if (subject is not null)
            {
                pseudonym = await subjects.FindAsync(connection, transaction, subject, call.CallerOin, token).ConfigureAwait(false);
                if (pseudonym is null)
                {
                    return new List<(HandoverRow, PlanVersionRow, PlanRow)>();
                }
            }

            // Each handover with the plan version it offers and its plan, in one statement (plans and versions are
            // never deleted, so both exist for every handover).
            var sql = new StringBuilder($"SELECT {HandoverRow.Columns}, {PlanVersionRow.Columns}, {PlanRow.Columns} FROM handover h "
                    + "JOIN plan_version v ON v.plan_id = h.plan_id AND v.version = h.plan_version JOIN plan p ON p.plan_id = h.plan_id WHERE ")
                .Append(request.Direction switch
                {
                    HandoverDirection.Offered => "h.from_oin = @caller",
                    HandoverDirection.Received => "h.to_oin = @caller",
                    _ => "(h.from_oin = @caller OR h.to_oin = @caller)",
                });
            if (statuses.Length > 0)
            {
                // Inlined: validated enum numbers, and Dapper would pass a list to Npgsql as an array (IN needs ANY there).
                sql.Append(" AND h.status IN (").AppendJoin(", ", statuses.Select(s => s.ToString(CultureInfo.InvariantCulture))).Append(')');
            }

            if (pseudonym is not null)
            {
                sql.Append(" AND h.subject_pseudonym = @pseudonym");
            }

            if (start is not null)
            {
                sql.Append(" AND h.offer_time >= @start");
            }

            if (end is not null)
            {
                sql.Append(" AND h.offer_time < @end");
            }

            if (afterTime is not null)
            {
                sql.Append(" AND (h.offer_time < @afterTime OR (h.offer_time = @afterTime AND h.handover_id < @afterId))");
            }

            sql.Append(" ORDER BY h.offer_time DESC, h.handover_id DESC LIMIT @limit");

            // Split where each row type's columns start: Dapper looks for the split names from the right, so the
            // handover's own plan_id column stays the handover's.
            var found = await connection.QueryAsync<HandoverRow, PlanVersionRow, PlanRow, (HandoverRow, PlanVersionRow, PlanRow)>(new CommandDefinition(
                sql.ToString(), new { caller = call.CallerOin, pseudonym, start, end, afterTime, afterId, limit = (long)pageSize + 1 }, transaction, cancellationToken: token),
                static (handover, version, plan) => (handover, version, plan), splitOn: "PlanId,PlanId").ConfigureAwait(false);
            return found.AsList();
        },
        static found => found.Count > 0,
        async (ctx, found) =>
        {
            foreach (var pseudonym in found.Take(pageSize).Select(r => r.Item1.SubjectPseudonym).Distinct())
            {
                refs[pseudonym] = await subjects.RefForAsync(ctx, pseudonym, call.CallerOin).ConfigureAwait(false);
                await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Read, PlanHandoverPurpose.Code, ProcessingLegalBasis.None, pseudonym, PlanCategories, ctx.Now)).ConfigureAwait(false);
            }
        },
        ct).ConfigureAwait(false);

        var response = new ListHandoversResponse { Page = new PageResponse() };
        var shown = rows.Take(pageSize).ToList();
        foreach (var (handover, version, plan) in shown)
        {
            var planMessage = await mapping.ToPlanAsync(plan, version, refs[handover.SubjectPseudonym], PlanMapping.ShowsPlanContent(handover, call.CallerOin), ct).ConfigureAwait(false);
            response.Handovers.Add(await mapping.ToHandoverAsync(handover, planMessage, ct).ConfigureAwait(false));
        }

        if (rows.Count > pageSize)
        {
            var last = shown[^1].Item1;
            response.Page.NextPageToken = HandoverPageToken.Create(last.OfferTime, last.HandoverId, filters);
        }

        return response;
    }

    /// <summary>A range bound as stored time; null when unset or invalid (then with a violation).</summary>
    private static long? Bound(Google.Protobuf.WellKnownTypes.Timestamp? time, string field, Violations violations)
    {
        var before = violations.Items.Count;
        PlanValidation.Time(time, field, violations);
        return time is null || violations.Items.Count > before ? null : HubTime.ToStored(time.ToDateTimeOffset());
    }
}
