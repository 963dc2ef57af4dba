using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.Handovers;

/// <summary>
/// interop.v1.PlanHandoverService: a jongere's one plan (goals per leefgebied, agreements, the regisseur), its
/// versions, and its handovers between organisations (OFFERED -> ACCEPTED | DECLINED). Scopes are enforced by the
/// authorization interceptor. Who may do what:
/// <list type="bullet">
/// <item>RecordPlan: anyone for a jongere without a plan (it becomes the holder); otherwise only the holder.</item>
/// <item>OfferHandover: the holder. Accept/Decline: the receiver; the offerer gets PERMISSION_DENIED, anyone else NOT_FOUND.</item>
/// <item>GetPlan: the holder (every version), the receiver of an open handover, and organisations the
/// <see cref="ILegalBasisResolver"/> finds a basis for (case and professional data on the plan's leefgebieden).
/// Earlier holders are not named by the contract, so they read like anyone else: with a basis.</item>
/// </list>
/// Every write and every read appends a processing record (<see cref="ProcessingActivities.PlanHandover"/>) in the
/// same transaction as the operation (for reads: before the answer is returned).
/// </summary>
internal sealed partial class PlanHandoverGrpcService(
    IHubDatabase database,
    SubjectDirectory subjects,
    PartnerLookup partners,
    PlanContentProtector protector,
    PlanMapping mapping,
    ILegalBasisResolver legalBasis,
    TimeProvider time) : PlanHandoverService.PlanHandoverServiceBase
{
    private static readonly DataCategory[] PlanCategories = [DataCategory.Case, DataCategory.Professional];

    // An offer's own data: its explanation (handovers.proto marks it DATA_CATEGORY_CASE).
    private static readonly DataCategory[] OfferCategories = [DataCategory.Case];

    /// <inheritdoc />
    public override async Task<Plan> RecordPlan(RecordPlanRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        var subject = subjects.Parse(request.Subject, "subject", violations);
        if (request.ExpectedVersion < 0)
        {
            violations.Add("expected_version", "Must not be negative (0 when the jongere has no plan yet).");
        }

        var regisseur = PlanValidation.Regisseur(request.Regisseur, "regisseur", violations);
        var goals = PlanValidation.Goals(request.Goals, violations);
        var agreements = await PlanValidation.AgreementsAsync(request.Agreements, partners, violations, ct).ConfigureAwait(false);
        violations.ThrowIfAny();

        // Read the current version first, so the new content is encrypted off the write queue; the write then checks
        // the plan is still at that version (anything else is ABORTED), which makes the early read safe.
        var current = await database.ReadAsync(async (connection, token) =>
        {
            var pseudonym = await subjects.FindAsync(connection, subject!, call.CallerOin, token).ConfigureAwait(false);
            var plan = pseudonym is null ? null : await PlanQueries.PlanBySubjectAsync(connection, null, pseudonym, token).ConfigureAwait(false);
            var version = plan is null ? null : await PlanQueries.VersionAsync(connection, null, plan.PlanId, plan.Version, token).ConfigureAwait(false);
            return (plan, version);
        }, ct).ConfigureAwait(false);

        var planId = current.plan?.PlanId ?? Guid.CreateVersion7().ToString("D");
        var newVersion = request.ExpectedVersion + 1;
        var content = new Plan { Regisseur = regisseur };
        content.Goals.AddRange(goals);
        content.Agreements.AddRange(agreements);
        var sameRegisseur = false;
        if (current.version is { } previous && previous.RegisseurOin == call.CallerOin)
        {
            var before = protector.UnprotectPlan(previous.Content, previous.PlanId, previous.Version).Regisseur;
            sameRegisseur = before is not null && before.Team == regisseur!.Team && before.ContactName == regisseur.ContactName;
        }

        var stored = protector.Protect(content, planId, newVersion);
        var (planRow, versionRow, callerRef) = await database.WriteAsync(async ctx =>
        {
            var resolved = await subjects.ResolveAsync(ctx, subject!, call.CallerOin).ConfigureAwait(false);
            var plan = await PlanQueries.PlanBySubjectAsync(ctx.Connection, ctx.Transaction, resolved.Pseudonym, ctx.CancellationToken).ConfigureAwait(false);
            var now = HubTime.ToStored(ctx.Now);
            var since = now;
            if (plan is null)
            {
                if (request.ExpectedVersion != 0)
                {
                    HubErrors.VersionConflict("The jongere's plan", request.ExpectedVersion, 0);
                }

                plan = new PlanRow { PlanId = planId, SubjectPseudonym = resolved.Pseudonym, HolderOin = call.CallerOin, RegisseurOin = call.CallerOin, Version = 1, CreateTime = now, UpdateTime = now };
                await ctx.ExecuteAsync(
                    "INSERT INTO plan (plan_id, subject_pseudonym, holder_oin, regisseur_oin, version, create_time, update_time) VALUES (@PlanId, @SubjectPseudonym, @HolderOin, @RegisseurOin, @Version, @CreateTime, @UpdateTime)",
                    plan).ConfigureAwait(false);
            }
            else
            {
                RequireHolder(plan, call.CallerOin);
                await RequireNoOpenHandoverAsync(ctx, plan).ConfigureAwait(false);
                if (plan.Version != request.ExpectedVersion || plan.PlanId != planId)
                {
                    HubErrors.VersionConflict("The jongere's plan", request.ExpectedVersion, plan.Version);
                }

                if (sameRegisseur)
                {
                    since = (await PlanQueries.VersionAsync(ctx.Connection, ctx.Transaction, plan.PlanId, plan.Version, ctx.CancellationToken).ConfigureAwait(false))!.RegisseurSince;
                }

                await ctx.ExecuteAsync(
                    "UPDATE plan SET regisseur_oin = @oin, version = @newVersion, update_time = @now WHERE plan_id = @planId AND version = @expected",
                    new { oin = call.CallerOin, newVersion, now, planId, expected = request.ExpectedVersion }).ConfigureAwait(false);
                plan.RegisseurOin = call.CallerOin;
                plan.Version = newVersion;
                plan.UpdateTime = now;
            }

            var version = new PlanVersionRow { PlanId = planId, Version = newVersion, HolderOin = plan.HolderOin, RegisseurOin = call.CallerOin, RecordedByOin = call.CallerOin, RecordTime = now, Content = stored, RegisseurSince = since };
            await InsertVersionAsync(ctx, version).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(
                ProcessingActivities.PlanHandover,
                newVersion == 1 ? ProcessingAction.Create : ProcessingAction.Update,
                PlanHandoverPurpose.Code,
                ProcessingLegalBasis.None,
                resolved.Pseudonym,
                PlanCategories,
                ctx.Now)).ConfigureAwait(false);
            return (plan, version, resolved.CallerRef);
        }, ct).ConfigureAwait(false);

        return await mapping.ToPlanAsync(planRow, versionRow, callerRef, withContent: true, ct).ConfigureAwait(false);
    }

    /// <summary>PERMISSION_DENIED unless <paramref name="oin"/> holds the plan (the caller knows the jongere, so the plan's existence is no secret).</summary>
    private static void RequireHolder(PlanRow plan, string oin)
    {
        if (plan.HolderOin != oin)
        {
            HubErrors.PermissionDenied("Only the organisation that holds the jongere's plan may change or hand it over; another organisation holds it.");
        }
    }

    /// <summary>FAILED_PRECONDITION while the plan is offered (handovers.proto: an offered plan cannot change or be offered again).</summary>
    private static async Task RequireNoOpenHandoverAsync(HubWriteContext context, PlanRow plan)
    {
        if (await PlanQueries.OpenHandoverAsync(context.Connection, context.Transaction, plan.PlanId, context.CancellationToken).ConfigureAwait(false) is { } open)
        {
            HubErrors.FailedPrecondition("HANDOVER_OPEN", "handover:" + open.HandoverId, "The plan is offered to another organisation; it cannot change or be offered again until that handover is decided.");
        }
    }

    private static Task InsertVersionAsync(HubWriteContext context, PlanVersionRow version) =>
        context.ExecuteAsync(
            "INSERT INTO plan_version (plan_id, version, holder_oin, regisseur_oin, recorded_by_oin, record_time, content, regisseur_since) VALUES (@PlanId, @Version, @HolderOin, @RegisseurOin, @RecordedByOin, @RecordTime, @Content, @RegisseurSince)",
            version);
}
