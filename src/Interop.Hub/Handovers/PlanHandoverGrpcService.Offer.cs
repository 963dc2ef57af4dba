using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Handovers;

internal sealed partial class PlanHandoverGrpcService
{
    private const int MaxExplanationLength = 4000;

    /// <inheritdoc />
    public override async Task<Handover> OfferHandover(OfferHandoverRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        PlanValidation.HubId(request.PlanId, "plan_id", violations);
        if (request.ExpectedPlanVersion < 1)
        {
            violations.Add("expected_plan_version", "Required: the plan version you read (1 or more).");
        }

        if (Oin.Validate(request.ToOrganisationOin) is { } oinError)
        {
            violations.Add("to_organisation_oin", oinError);
        }
        else if (request.ToOrganisationOin == call.CallerOin)
        {
            violations.Add("to_organisation_oin", "The receiver must be another organisation than yours.");
        }

        if (request.Reason == HandoverReason.Unspecified || !Enum.IsDefined(request.Reason))
        {
            violations.Add("reason", "Required: TRANSITION_18, MOVE_GEMEENTE, SCHOOL_TO_WORK or OTHER.");
        }

        if (request.Explanation.Length > MaxExplanationLength)
        {
            violations.Add("explanation", "At most 4000 characters.");
        }
        else if (request.Reason == HandoverReason.Other && string.IsNullOrWhiteSpace(request.Explanation))
        {
            violations.Add("explanation", "Required when reason is OTHER.");
        }

        PlanValidation.Time(request.PlannedTransferTime, "planned_transfer_time", violations);
        violations.ThrowIfAny();

        var receiver = await partners.FindEnabledAsync(request.ToOrganisationOin, ct).ConfigureAwait(false);
        if (receiver is null)
        {
            HubErrors.FailedPrecondition("PARTNER_UNKNOWN", "organisation:" + request.ToOrganisationOin, "The receiver is not an enabled partner of the hub.");
        }

        if (!receiver.AcceptsHandovers)
        {
            HubErrors.FailedPrecondition("HANDOVERS_NOT_ACCEPTED", "organisation:" + request.ToOrganisationOin, "The receiver does not take over plans (its registration does not accept handovers).");
        }

        // The plan's content as it stands (for the receiver's basis on the plan's leefgebieden and for the answer); the
        // write checks the plan is still at the expected version, so reading it first is safe.
        var offered = await database.ReadAsync(async (c, t) =>
        {
            var plan = await PlanQueries.PlanByIdAsync(c, null, request.PlanId, t).ConfigureAwait(false);
            return plan is null ? null : await PlanQueries.VersionAsync(c, null, plan.PlanId, request.ExpectedPlanVersion, t).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);
        var leefgebieden = offered is null || offered.HolderOin != call.CallerOin
            ? []
            : protector.UnprotectPlan(offered.Content, offered.PlanId, offered.Version).Goals.Select(g => g.Leefgebied).Distinct().ToArray();

        var handoverId = Guid.CreateVersion7().ToString("D");
        var content = protector.Protect(new Handover { Explanation = request.Explanation, PlannedTransferTime = request.PlannedTransferTime }, handoverId);
        var fromRef = await partners.RefAsync(call.CallerOin, ct).ConfigureAwait(false);
        var (handover, planRow, versionRow, callerRef) = await database.WriteAsync(async ctx =>
        {
            var plan = await PlanQueries.PlanByIdAsync(ctx.Connection, ctx.Transaction, request.PlanId, ctx.CancellationToken).ConfigureAwait(false);
            await RequireHolderOrNotFoundAsync(ctx, plan, call.CallerOin).ConfigureAwait(false);
            await RequireNoOpenHandoverAsync(ctx, plan!).ConfigureAwait(false);
            if (plan!.Version != request.ExpectedPlanVersion || offered is null)
            {
                HubErrors.VersionConflict("The plan", request.ExpectedPlanVersion, plan.Version);
            }

            var row = new HandoverRow
            {
                HandoverId = handoverId, PlanId = plan.PlanId, PlanVersion = plan.Version, SubjectPseudonym = plan.SubjectPseudonym,
                FromOin = call.CallerOin, ToOin = receiver.Oin, Reason = (int)request.Reason, Status = (int)HandoverStatus.Offered,
                Version = 1, OfferTime = HubTime.ToStored(ctx.Now), Content = content,
            };
            await ctx.ExecuteAsync(
                "INSERT INTO handover (handover_id, plan_id, plan_version, subject_pseudonym, from_oin, to_oin, reason, status, version, offer_time, decide_time, content) VALUES (@HandoverId, @PlanId, @PlanVersion, @SubjectPseudonym, @FromOin, @ToOin, @reason, @status, @Version, @OfferTime, NULL, @Content)",
                new { row.HandoverId, row.PlanId, row.PlanVersion, row.SubjectPseudonym, row.FromOin, row.ToOin, reason = (short)row.Reason, status = (short)row.Status, row.Version, row.OfferTime, row.Content }).ConfigureAwait(false);

            // handovers.proto requires no basis for the offer (the receiver may read the offered plan as its
            // receiver), but when the receiver has one it is recorded, and a consent remembers the disclosure.
            var decision = await legalBasis.DecideAsync(ctx.Connection, ctx.Transaction, new BasisQuery(
                plan.SubjectPseudonym, receiver.Oin, OrganisationKindMapping.ToContract(receiver.Kind), receiver.RmcRegion,
                PlanHandoverPurpose.Code, leefgebieden, PlanCategories), ctx.Now, ctx.CancellationToken).ConfigureAwait(false);
            var basis = decision.Permitted ? decision.Basis : ProcessingLegalBasis.None;
            await ConsentDisclosures.RecordAsync(ctx, basis, receiver.Oin, plan.SubjectPseudonym).ConfigureAwait(false);

            var receiverRef = await subjects.RefForAsync(ctx, plan.SubjectPseudonym, receiver.Oin).ConfigureAwait(false);
            await ctx.AddEventAsync(receiver.Oin, new Event
            {
                SubjectRef = receiverRef,
                HandoverOffered = new HandoverOffered { HandoverId = handoverId, FromOrganisation = fromRef, Reason = request.Reason },
            }).ConfigureAwait(false);
            // Two records: the offer the caller created (its reason and explanation), and the plan made available to
            // the receiver, which is the afnemer of that disclosure, so the jongere's inzage names it.
            await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Create, PlanHandoverPurpose.Code, ProcessingLegalBasis.None, plan.SubjectPseudonym, OfferCategories, ctx.Now)).ConfigureAwait(false);
            await ctx.LogAsync(call.Disclosure(receiver.Oin, call.CallerOin, ProcessingActivities.PlanHandover, PlanHandoverPurpose.Code, basis, plan.SubjectPseudonym, PlanCategories, ctx.Now)).ConfigureAwait(false);
            var ownRef = await subjects.RefForAsync(ctx, plan.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
            return (row, plan, offered, ownRef);
        }, ct).ConfigureAwait(false);

        var planMessage = await mapping.ToPlanAsync(planRow, versionRow, callerRef, withContent: true, ct).ConfigureAwait(false);
        return await mapping.ToHandoverAsync(handover, planMessage, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses a caller that does not hold the plan: PERMISSION_DENIED when it has had a part in the plan (so knows of
    /// it), NOT_FOUND otherwise (a plan_id it was never given reveals nothing).
    /// </summary>
    private static async Task RequireHolderOrNotFoundAsync(HubWriteContext context, PlanRow? plan, string oin)
    {
        if (plan is null || (plan.HolderOin != oin && !await PlanQueries.KnowsPlanAsync(context.Connection, context.Transaction, plan.PlanId, oin, context.CancellationToken).ConfigureAwait(false)))
        {
            HubErrors.NotFound("No plan with this plan_id.");
        }

        RequireHolder(plan, oin);
    }
}
