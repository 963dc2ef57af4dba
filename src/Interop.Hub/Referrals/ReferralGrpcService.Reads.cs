using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>Reading referrals: one by id, and the caller's sent and received lists.</summary>
internal sealed partial class ReferralGrpcService
{
    /// <inheritdoc />
    /// <remarks>
    /// The referral, the receiver's basis for its identifying details and the READ record are one
    /// <see cref="IHubDatabase.ReadThenRecordAsync"/>: one snapshot decides what is shown, and the answer is
    /// returned only once it is recorded (a consent revoked meanwhile either came first, and is respected, or after).
    /// </remarks>
    public override async Task<Referral> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        ReferralFields.ReferralId(request.ReferralId, violations);
        violations.ThrowIfAny();

        var call = HubCall.From(context, time);
        var read = await database.ReadThenRecordAsync(
            async (connection, transaction, ct) =>
            {
                var row = await ReferralStore.GetAsync(connection, transaction, request.ReferralId, ct).ConfigureAwait(false);
                if (row is null || (row.SenderOin != call.CallerOin && row.ReceiverOin != call.CallerOin))
                {
                    HubErrors.NotFound("No referral with this id that your organisation sent or received.");
                }

                return await RenderForReaderAsync(connection, transaction, call, [row], ct).ConfigureAwait(false);
            },
            static read => read.Count > 0,
            (ctx, read) => LogReadsAsync(ctx, call, read),
            context.CancellationToken).ConfigureAwait(false);
        return read[0].Referral;
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

    // The page, the receiver's basis for each referral's identifying details and the READ records are one
    // ReadThenRecordAsync, as in GetReferral (an empty page records nothing and writes nothing).
    private async Task<(List<Referral> Referrals, string NextPageToken)> ListAsync(ServerCallContext context, bool sent, ReferralFilter? filter, PageRequest? page)
    {
        var call = HubCall.From(context, time);
        var query = ReferralListValidation.Validate(sent, call.CallerOin, filter, page, subjects);
        var (rendered, next) = await database.ReadThenRecordAsync(
            async (connection, transaction, ct) =>
            {
                string? pseudonym = null;
                if (query.Subject is { } subject)
                {
                    // A subject_ref the hub did not issue to the caller matches nothing (no leak of whether it exists).
                    pseudonym = subject.Pseudonym ?? await subjects.FindAsync(connection, transaction, subject, call.CallerOin, ct).ConfigureAwait(false);
                    if (pseudonym is null)
                    {
                        return ([], "");
                    }
                }

                var rows = await ReferralStore.ListAsync(connection, transaction, query, pseudonym, ct).ConfigureAwait(false);
                var next = "";
                if (rows.Count > query.PageSize)
                {
                    rows.RemoveRange(query.PageSize, rows.Count - query.PageSize);
                    next = ReferralPageToken.Create(new ReferralPagePosition(rows[^1].SubmitTime, rows[^1].ReferralId), query.Binding);
                }

                return (Rendered: await RenderForReaderAsync(connection, transaction, call, rows, ct).ConfigureAwait(false), Next: next);
            },
            static read => read.Rendered.Count > 0,
            (ctx, read) => LogReadsAsync(ctx, call, read.Rendered),
            context.CancellationToken).ConfigureAwait(false);
        return (rendered.ConvertAll(r => r.Referral), next);
    }

    /// <summary>
    /// Renders <paramref name="rows"/> for the caller, withholding identifying data from a receiver whose
    /// consent-based referral's consent ended.
    /// </summary>
    private async Task<List<(ReferralRow Row, Referral Referral)>> RenderForReaderAsync(
        DbConnection connection, DbTransaction? transaction, HubCall call, List<ReferralRow> rows, CancellationToken ct)
    {
        var rendered = new List<(ReferralRow Row, Referral Referral)>(rows.Count);
        foreach (var row in rows)
        {
            var referral = await renderer.RenderAsync(row, call.CallerOin, ct).ConfigureAwait(false);
            if (!await readBasis.CoversIdentifyingDataAsync(connection, transaction, call.Caller, row, referral, ct).ConfigureAwait(false))
            {
                ReferralReadBasis.WithholdIdentifyingData(referral);
            }

            rendered.Add((row, referral));
        }

        return rendered;
    }

    /// <summary>One READ record per referral returned, in the read's write; the answer is sent only once they committed.</summary>
    private static async Task LogReadsAsync(HubWriteContext ctx, HubCall call, List<(ReferralRow Row, Referral Referral)> read)
    {
        foreach (var (row, referral) in read)
        {
            await ctx.LogAsync(call.Record(ProcessingActivities.Referral, ProcessingAction.Read, row.PurposeCode, BasisOf(row), row.SubjectPseudonym, ReferralDataCategories.Of(referral, withBsn: referral.Subject.Bsn.Length > 0), ctx.Now)).ConfigureAwait(false);
        }
    }
}
