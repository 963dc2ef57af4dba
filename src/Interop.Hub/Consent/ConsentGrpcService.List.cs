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

        // The page and its READ record are one ReadThenWriteAsync: the answer is returned only once recorded.
        var (rows, subjectRef) = await database.ReadThenWriteAsync(
            async (connection, transaction, ct) =>
            {
                var pseudonym = await subjects.FindAsync(connection, transaction, subject!, call.CallerOin, ct).ConfigureAwait(false);
                if (pseudonym is null)
                {
                    if (subject!.Pseudonym is null)
                    {
                        // A subject_ref the hub did not issue to the caller: as everywhere, NOT_FOUND (nothing was read).
                        HubErrors.NotFound("No jongere with this subject_ref: it was not issued to your organisation by this hub.");
                    }

                    return (Pseudonym: (string?)null, Rows: new List<StoredConsent>());
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
                }, transaction, cancellationToken: ct)).ConfigureAwait(false);
                return (Pseudonym: pseudonym, Rows: rows.ToList());
            },
            async (ctx, read) =>
            {
                // A BSN the hub has never seen lists nothing, but the BSN was processed: the record is kept all the same.
                var subjectRef = read.Pseudonym is null ? "" : await subjects.RefForAsync(ctx, read.Pseudonym, call.CallerOin).ConfigureAwait(false);
                await ctx.LogAsync(call.Record(
                    ProcessingActivities.Consent, ProcessingAction.Read, AdministrationPurpose, ProcessingLegalBasis.None,
                    read.Pseudonym ?? subject!.Pseudonym!, [SubjectCategory(subject!), DataCategory.Professional], ctx.Now)).ConfigureAwait(false);
                return (read.Rows, SubjectRef: subjectRef);
            },
            context.CancellationToken).ConfigureAwait(false);

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
