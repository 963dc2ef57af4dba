using Dapper;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Consent;

internal sealed partial class ConsentGrpcService
{
    /// <summary>The purpose code of reading the consent register itself (ListConsents), for the processing log.</summary>
    private const string AdministrationPurpose = "toestemming-administratie";

    /// <inheritdoc />
    public override async Task<ListConsentsResponse> ListConsents(ListConsentsRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        var page = request.Page ?? new PageRequest();
        if (page.PageSize < 0)
        {
            violations.Add("page.page_size", "page_size must not be negative.");
        }

        var filters = subject is null ? "" : ConsentPageToken.Filters(subject.Pseudonym ?? "ref:" + subject.SubjectRef, request.IncludeInactive);
        long? afterTime = null;
        var afterId = "";
        if (page.PageToken.Length > 0 && subject is not null)
        {
            if (ConsentPageToken.TryRead(page.PageToken, filters, out var lastTime, out var lastId))
            {
                (afterTime, afterId) = (lastTime, lastId);
            }
            else
            {
                violations.Add("page.page_token", "Not a page token of this listing: use next_page_token unchanged, with the same subject and include_inactive.");
            }
        }

        violations.ThrowIfAny();
        var pageSize = page.PageSize == 0 ? DefaultPageSize : Math.Min(page.PageSize, MaxPageSize);
        var reader = ConsentReader.Of(call.Caller);
        var now = time.GetUtcNow();

        var (pseudonym, rows) = await database.ReadAsync<(string?, List<StoredConsent>)>(async (connection, ct) =>
        {
            var pseudonym = await subjects.FindAsync(connection, subject!, call.CallerOin, ct).ConfigureAwait(false);
            if (pseudonym is null)
            {
                return (null, new List<StoredConsent>());
            }

            var sql = ConsentSql.ListPage(withRegion: reader.Region is not null, activeOnly: !request.IncludeInactive, afterKey: afterTime is not null);
            var rows = await connection.QueryAsync<StoredConsent>(new CommandDefinition(sql, new
            {
                pseudonym,
                callerOin = reader.Oin,
                callerKind = (short)reader.Kind,
                callerRegion = reader.Region?.ToUpperInvariant(),
                now = HubTime.ToStored(now),
                afterTime,
                afterId,
                limit = pageSize + 1,
            }, cancellationToken: ct)).ConfigureAwait(false);
            return (pseudonym, rows.ToList());
        }, context.CancellationToken).ConfigureAwait(false);

        if (pseudonym is null && subject!.Pseudonym is null)
        {
            // A subject_ref the hub did not issue to the caller: as everywhere, NOT_FOUND (nothing was read).
            HubErrors.NotFound("No jongere with this subject_ref: it was not issued to your organisation by this hub.");
        }

        // A BSN the hub has never seen lists nothing, but the BSN was processed: the record is kept all the same.
        var loggedPseudonym = pseudonym ?? subject!.Pseudonym!;
        var subjectRef = await database.WriteAsync(async ctx =>
        {
            var subjectRef = pseudonym is null ? "" : await subjects.RefForAsync(ctx, pseudonym, call.CallerOin).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Consent, ProcessingAction.Read, AdministrationPurpose, ProcessingLegalBasis.None,
                loggedPseudonym, [SubjectCategory(subject!), DataCategory.Professional], ctx.Now)).ConfigureAwait(false);
            return subjectRef;
        }, context.CancellationToken).ConfigureAwait(false);

        var response = new ListConsentsResponse { Page = new PageResponse() };
        foreach (var row in rows.Take(pageSize))
        {
            response.Consents.Add(await mapping.ToMessageAsync(row, subjectRef, now, context.CancellationToken).ConfigureAwait(false));
        }

        if (rows.Count > pageSize)
        {
            var last = rows[pageSize - 1];
            response.Page.NextPageToken = ConsentPageToken.Create(last.RecordTime, last.ConsentId, filters);
        }

        return response;
    }
}
