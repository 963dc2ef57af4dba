using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.Handovers;

internal sealed partial class PlanHandoverGrpcService
{
    /// <inheritdoc />
    public override async Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context)
    {
        var call = HubCall.From(context, time);
        var ct = context.CancellationToken;
        var violations = new Violations();
        Subjects.SubjectInput? subject = null;
        switch (request.PlanCase)
        {
            case GetPlanRequest.PlanOneofCase.PlanId:
                PlanValidation.HubId(request.PlanId, "plan_id", violations);
                break;
            case GetPlanRequest.PlanOneofCase.Subject:
                subject = subjects.Parse(request.Subject, "subject", violations);
                break;
            default:
                violations.Add("plan", "Give plan_id or subject.");
                break;
        }

        if (request.Version < 0)
        {
            violations.Add("version", "Must not be negative (0 means the current version).");
        }

        violations.ThrowIfAny();

        var (plan, version, openTo) = await database.ReadAsync(async (connection, token) =>
        {
            PlanRow? found;
            if (subject is null)
            {
                found = await PlanQueries.PlanByIdAsync(connection, null, request.PlanId, token).ConfigureAwait(false);
            }
            else
            {
                var pseudonym = await subjects.FindAsync(connection, subject, call.CallerOin, token).ConfigureAwait(false);
                found = pseudonym is null ? null : await PlanQueries.PlanBySubjectAsync(connection, null, pseudonym, token).ConfigureAwait(false);
            }

            if (found is null)
            {
                return ((PlanRow?)null, (PlanVersionRow?)null, (string?)null);
            }

            var open = await PlanQueries.OpenHandoverAsync(connection, null, found.PlanId, token).ConfigureAwait(false);
            var wanted = request.Version == 0 ? found.Version : request.Version;
            var row = wanted > found.Version ? null : await PlanQueries.VersionAsync(connection, null, found.PlanId, wanted, token).ConfigureAwait(false);
            return ((PlanRow?)found, row, open?.ToOin);
        }, ct).ConfigureAwait(false);

        if (plan is null)
        {
            HubErrors.NotFound("No plan for this jongere or with this plan_id.");
        }

        var basis = ProcessingLegalBasis.None;
        if (plan.HolderOin != call.CallerOin && openTo != call.CallerOin)
        {
            // Neither holder nor receiver of an open handover: only a basis (consent or statutory task) for the plan's
            // case and professional data on its leefgebieden opens it (handovers.proto, GetPlan).
            var current = version ?? await database.ReadAsync((c, t) => PlanQueries.VersionAsync(c, null, plan.PlanId, plan.Version, t), ct).ConfigureAwait(false);
            var leefgebieden = protector.UnprotectPlan(current!.Content, current.PlanId, current.Version).Goals.Select(g => g.Leefgebied).Distinct().ToArray();
            var query = new BasisQuery(
                plan.SubjectPseudonym, call.CallerOin, OrganisationKindMapping.ToContract(call.Caller.OrganisationKind), call.Caller.RmcRegion,
                PlanHandoverPurpose.Code, leefgebieden, PlanCategories);
            var decision = await database.ReadAsync((c, t) => legalBasis.DecideAsync(c, null, query, time.GetUtcNow(), t), ct).ConfigureAwait(false);
            if (!decision.Permitted)
            {
                HubErrors.PermissionDenied("Your organisation has no basis (consent or statutory task) to read this plan: it neither holds it nor was offered it.");
            }

            basis = decision.Basis;
        }

        if (version is null)
        {
            HubErrors.NotFound($"The plan has no version {request.Version}.");
        }

        var readerRef = await database.WriteAsync(async ctx =>
        {
            var issued = subject?.SubjectRef ?? await subjects.RefForAsync(ctx, plan.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
            await ConsentDisclosures.RecordAsync(ctx, basis, call.CallerOin, plan.SubjectPseudonym).ConfigureAwait(false);
            await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Read, PlanHandoverPurpose.Code, basis, plan.SubjectPseudonym, PlanCategories, ctx.Now)).ConfigureAwait(false);
            return issued;
        }, ct).ConfigureAwait(false);

        return await mapping.ToPlanAsync(plan, version, readerRef, withContent: true, ct).ConfigureAwait(false);
    }
}
