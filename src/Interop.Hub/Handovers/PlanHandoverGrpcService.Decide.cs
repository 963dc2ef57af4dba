using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Handovers;

internal sealed partial class PlanHandoverGrpcService
{
    /// <inheritdoc />
    public override async Task<Handover> AcceptHandover(AcceptHandoverRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        PlanValidation.HubId(request.HandoverId, "handover_id", violations);
        RequireExpectedVersion(request.ExpectedVersion, violations);
        var regisseur = PlanValidation.Regisseur(request.Regisseur, "regisseur", violations);
        violations.ThrowIfAny();

        // The offered version's content with the new regisseur, encrypted for the next plan version off the write queue.
        // While the handover is OFFERED the plan cannot change, so the write only has to confirm it still is.
        var offered = await ReadOfferedAsync(request.HandoverId, call.CallerOin, ct).ConfigureAwait(false);
        var content = protector.UnprotectPlan(offered.Version.Content, offered.Version.PlanId, offered.Version.Version);
        content.Regisseur = regisseur;
        var newVersion = offered.Handover.PlanVersion + 1;
        var stored = protector.Protect(content, offered.Handover.PlanId, newVersion);
        var decidedBy = await partners.RefAsync(call.CallerOin, ct).ConfigureAwait(false);

        var (handover, plan, callerRef) = await database.WriteAsync(async ctx =>
        {
            var row = await LoadForDecisionAsync(ctx, request.HandoverId, request.ExpectedVersion, call.CallerOin).ConfigureAwait(false);
            var plan = (await PlanQueries.PlanByIdAsync(ctx.Connection, ctx.Transaction, row.PlanId, ctx.CancellationToken).ConfigureAwait(false))!;
            if (plan.Version != row.PlanVersion || plan.HolderOin != row.FromOin)
            {
                // Cannot happen while the handover is open (the plan is frozen); refuse rather than overwrite.
                HubErrors.FailedPrecondition("PLAN_CHANGED", "plan:" + plan.PlanId, "The plan changed after it was offered; the offering organisation must offer it again.");
            }

            var now = HubTime.ToStored(ctx.Now);
            await ctx.ExecuteAsync(
                "UPDATE plan SET holder_oin = @oin, regisseur_oin = @oin, version = @newVersion, update_time = @now WHERE plan_id = @planId AND version = @old",
                new { oin = call.CallerOin, newVersion, now, planId = plan.PlanId, old = plan.Version }).ConfigureAwait(false);
            await InsertVersionAsync(ctx, new PlanVersionRow
            {
                PlanId = plan.PlanId, Version = newVersion, HolderOin = call.CallerOin, RegisseurOin = call.CallerOin,
                RecordedByOin = call.CallerOin, RecordTime = now, Content = stored, RegisseurSince = now,
            }).ConfigureAwait(false);
            await DecideAsync(ctx, row, HandoverStatus.Accepted, row.Content, decidedBy).ConfigureAwait(false);
            plan.HolderOin = plan.RegisseurOin = call.CallerOin;
            plan.Version = newVersion;
            plan.UpdateTime = now;
            await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Update, PlanHandoverPurpose.Code, ProcessingLegalBasis.None, row.SubjectPseudonym, PlanCategories, ctx.Now)).ConfigureAwait(false);
            var ownRef = await subjects.RefForAsync(ctx, row.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
            return (row, plan, ownRef);
        }, ct).ConfigureAwait(false);

        // The handover carries the plan as it was offered (handovers.proto, Handover.plan).
        var planMessage = await mapping.ToPlanAsync(plan, offered.Version, callerRef, withContent: true, ct).ConfigureAwait(false);
        return await mapping.ToHandoverAsync(handover, planMessage, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<Handover> DeclineHandover(DeclineHandoverRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        PlanValidation.HubId(request.HandoverId, "handover_id", violations);
        RequireExpectedVersion(request.ExpectedVersion, violations);
        PlanValidation.Description(request.Reason, "reason", violations);
        violations.ThrowIfAny();

        var offered = await ReadOfferedAsync(request.HandoverId, call.CallerOin, ct).ConfigureAwait(false);
        var content = protector.UnprotectHandover(offered.Handover.Content, offered.Handover.HandoverId);
        content.DeclineReason = request.Reason;
        var stored = protector.Protect(content, offered.Handover.HandoverId);
        var decidedBy = await partners.RefAsync(call.CallerOin, ct).ConfigureAwait(false);

        var (handover, callerRef) = await database.WriteAsync(async ctx =>
        {
            var row = await LoadForDecisionAsync(ctx, request.HandoverId, request.ExpectedVersion, call.CallerOin).ConfigureAwait(false);
            await DecideAsync(ctx, row, HandoverStatus.Declined, stored, decidedBy).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Update, PlanHandoverPurpose.Code, ProcessingLegalBasis.None, row.SubjectPseudonym, [DataCategory.Case], ctx.Now)).ConfigureAwait(false);
            var ownRef = await subjects.RefForAsync(ctx, row.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
            return (row, ownRef);
        }, ct).ConfigureAwait(false);

        // After declining, the receiver keeps the handover but no longer sees the plan's content.
        var planMessage = await mapping.ToPlanAsync(offered.Plan, offered.Version, callerRef, withContent: false, ct).ConfigureAwait(false);
        return await mapping.ToHandoverAsync(handover, planMessage, ct).ConfigureAwait(false);
    }

    private static void RequireExpectedVersion(long expectedVersion, Violations violations)
    {
        if (expectedVersion < 1)
        {
            violations.Add("expected_version", "Required: the handover version you read (1 or more).");
        }
    }

    /// <summary>The handover, its plan and the offered plan version, as a party to it sees them (NOT_FOUND for anyone else).</summary>
    private async Task<(HandoverRow Handover, PlanRow Plan, PlanVersionRow Version)> ReadOfferedAsync(string handoverId, string callerOin, CancellationToken cancellationToken)
    {
        var found = await database.ReadAsync(async (c, t) =>
        {
            var handover = await PlanQueries.HandoverAsync(c, null, handoverId, t).ConfigureAwait(false);
            if (handover is null || (handover.FromOin != callerOin && handover.ToOin != callerOin))
            {
                return default;
            }

            var plan = await PlanQueries.PlanByIdAsync(c, null, handover.PlanId, t).ConfigureAwait(false);
            var version = await PlanQueries.VersionAsync(c, null, handover.PlanId, handover.PlanVersion, t).ConfigureAwait(false);
            return (handover, plan!, version!);
        }, cancellationToken).ConfigureAwait(false);
        if (found.handover is null)
        {
            HandoverNotFound();
        }

        return found;
    }

    /// <summary>
    /// In the decision's write: the handover, refused unless the caller is its receiver (NOT_FOUND for outsiders,
    /// PERMISSION_DENIED for the offerer), it is still OFFERED (FAILED_PRECONDITION: a decided handover is final)
    /// and at the expected version (ABORTED).
    /// </summary>
    private static async Task<HandoverRow> LoadForDecisionAsync(HubWriteContext context, string handoverId, long expectedVersion, string callerOin)
    {
        var row = await PlanQueries.HandoverAsync(context.Connection, context.Transaction, handoverId, context.CancellationToken).ConfigureAwait(false);
        if (row is null || (row.FromOin != callerOin && row.ToOin != callerOin))
        {
            HandoverNotFound();
        }

        if (row.ToOin != callerOin)
        {
            HubErrors.PermissionDenied("Only the organisation the plan is offered to may accept or decline the handover.");
        }

        if (row.Status != (int)HandoverStatus.Offered)
        {
            HubErrors.FailedPrecondition("HANDOVER_DECIDED", "handover:" + row.HandoverId, "The handover was already decided; a decision is final.");
        }

        if (row.Version != expectedVersion)
        {
            HubErrors.VersionConflict("The handover", expectedVersion, row.Version);
        }

        return row;
    }

    /// <summary>Marks the handover decided and tells the offering organisation (HandoverDecided).</summary>
    private async Task DecideAsync(HubWriteContext context, HandoverRow row, HandoverStatus status, string content, OrganisationRef decidedBy)
    {
        var now = HubTime.ToStored(context.Now);
        await context.ExecuteAsync(
            "UPDATE handover SET status = @status, version = @newVersion, decide_time = @now, content = @content WHERE handover_id = @id AND version = @old",
            new { status = (short)status, newVersion = row.Version + 1, now, content, id = row.HandoverId, old = row.Version }).ConfigureAwait(false);
        row.Status = (int)status;
        row.Version++;
        row.DecideTime = now;
        row.Content = content;
        var offererRef = await subjects.RefForAsync(context, row.SubjectPseudonym, row.FromOin).ConfigureAwait(false);
        await context.AddEventAsync(row.FromOin, new Event
        {
            SubjectRef = offererRef,
            HandoverDecided = new HandoverDecided
            {
                HandoverId = row.HandoverId,
                Status = status,
                DecidedBy = decidedBy,
            },
        }).ConfigureAwait(false);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void HandoverNotFound() => HubErrors.NotFound("No handover with this handover_id was offered by or to your organisation.");
}
