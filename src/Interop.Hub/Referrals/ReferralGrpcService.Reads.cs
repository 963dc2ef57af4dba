using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>Reading referrals: one by id, and the caller's sent and received lists.</summary>
internal sealed partial class ReferralGrpcService
{
    /// <inheritdoc />
    public override async Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        violations.ThrowIfAny();

        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var row = await database.ReadAsync((c, t) => ReferralStore.GetAsync(c, null, request.ReferralId, t), ct).ConfigureAwait(false);
        if (row is null || (row.SenderOin != call.CallerOin && row.ReceiverOin != call.CallerOin))
        {
            HubErrors.NotFound("No referral with this id that your organisation sent or received.");
        }

        var referral = await renderer.RenderAsync(row, call.CallerOin, ct).ConfigureAwait(false);
        List<(ReferralRow Row, Referral Referral)> read = [(row, referral)];
        await ApplyReadBasisAsync(call, read, ct).ConfigureAwait(false);
        await LogReadsAsync(call, read, ct).ConfigureAwait(false);
        return referral;
    }

    /// <inheritdoc />
    public override async Task<ListSentReferralsResponse> ListSentReferrals(ListSentReferralsRequest request, ServerCallContext context)
    {
        var (referrals, next) = await ListAsync(context, sent: true, request.Filter, request.Page).ConfigureAwait(false);
        var response = new ListSentReferralsResponse { Page = new PageResponse { NextPageToken = next } };
        response.Referrals.AddRange(referrals);
        return response;
    }

    /// <inheritdoc />
    public override async Task<ListReceivedReferralsResponse> ListReceivedReferrals(ListReceivedReferralsRequest request, ServerCallContext context)
    {
        var (referrals, next) = await ListAsync(context, sent: false, request.Filter, request.Page).ConfigureAwait(false);
        var response = new ListReceivedReferralsResponse { Page = new PageResponse { NextPageToken = next } };
        response.Referrals.AddRange(referrals);
        return response;
    }

    private async Task<(List<Referral> Referrals, string NextPageToken)> ListAsync(ServerCallContext context, bool sent, ReferralFilter? filter, PageRequest? page)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var query = ReferralListValidation.Validate(sent, call.CallerOin, filter, page, subjects);
        var rows = await database.ReadAsync(async (c, t) =>
        {
            string? pseudonym = null;
            if (query.Subject is { } subject)
            {
                // A subject_ref the hub did not issue to the caller matches nothing (no leak of whether it exists).
                pseudonym = subject.Pseudonym ?? await subjects.FindAsync(c, subject, call.CallerOin, t).ConfigureAwait(false);
                if (pseudonym is null)
                {
                    return [];
                }
            }

            return await ReferralStore.ListAsync(c, query, pseudonym, t).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        var next = "";
        if (rows.Count > query.PageSize)
        {
            rows.RemoveRange(query.PageSize, rows.Count - query.PageSize);
            next = ReferralPageToken.Create(new ReferralPagePosition(rows[^1].SubmitTime, rows[^1].ReferralId), query.Binding);
        }

        var rendered = new List<(ReferralRow Row, Referral Referral)>(rows.Count);
        foreach (var row in rows)
        {
            rendered.Add((row, await renderer.RenderAsync(row, call.CallerOin, ct).ConfigureAwait(false)));
        }

        await ApplyReadBasisAsync(call, rendered, ct).ConfigureAwait(false);
        await LogReadsAsync(call, rendered, ct).ConfigureAwait(false);
        return (rendered.ConvertAll(r => r.Referral), next);
    }

    /// <summary>Withholds identifying data from a receiver whose consent-based referral's consent ended.</summary>
    private Task ApplyReadBasisAsync(HubCall call, List<(ReferralRow Row, Referral Referral)> read, CancellationToken ct)
    {
        if (!read.Any(r => r.Row.ReceiverOin == call.CallerOin && (ProcessingLegalBasisKind)r.Row.LegalBasisKind == ProcessingLegalBasisKind.Consent))
        {
            return Task.CompletedTask;
        }

        return database.ReadAsync(async (connection, t) =>
        {
            foreach (var (row, referral) in read)
            {
                if (!await readBasis.CoversIdentifyingDataAsync(connection, call.Caller, row, referral, t).ConfigureAwait(false))
                {
                    ReferralReadBasis.WithholdIdentifyingData(referral);
                }
            }

            return true;
        }, ct);
    }

    /// <summary>One READ record per referral returned, all in one write; the answer is sent only once they committed.</summary>
    private Task LogReadsAsync(HubCall call, IReadOnlyList<(ReferralRow Row, Referral Referral)> read, CancellationToken ct)
    {
        if (read.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(async ctx =>
        {
            foreach (var (row, referral) in read)
            {
                await ctx.LogAsync(call.Record(ProcessingActivities.Referral, ProcessingAction.Read, row.PurposeCode, BasisOf(row), row.SubjectPseudonym, ReferralDataCategories.Of(referral, withBsn: referral.Subject.Bsn.Length > 0), ctx.Now)).ConfigureAwait(false);
            }

            return true;
        }, ct);
    }
}
