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

        // The plan, the caller's basis for it and the READ record are one ReadThenWriteAsync: one snapshot decides,
        // and the plan is returned only once its disclosure is recorded.
        var (plan, version, readerRef) = await database.ReadThenWriteAsync(
            async (connection, transaction, token) =>
            {
                PlanRow? found;
                if (subject is null)
                {
                    found = await PlanQueries.PlanByIdAsync(connection, transaction, request.PlanId, token).ConfigureAwait(false);
                }
                else
                {
                    var pseudonym = await subjects.FindAsync(connection, transaction, subject, call.CallerOin, token).ConfigureAwait(false);
                    found = pseudonym is null ? null : await PlanQueries.PlanBySubjectAsync(connection, transaction, pseudonym, token).ConfigureAwait(false);
                }

                if (found is null)
                {
                    HubErrors.NotFound("No plan for this jongere or with this plan_id.");
                }

                var open = await PlanQueries.OpenHandoverAsync(connection, transaction, found.PlanId, token).ConfigureAwait(false);
                var wanted = request.Version == 0 ? found.Version : request.Version;
                var version = wanted > found.Version ? null : await PlanQueries.VersionAsync(connection, transaction, found.PlanId, wanted, token).ConfigureAwait(false);
                var basis = ProcessingLegalBasis.None;
                if (found.HolderOin != call.CallerOin && open?.ToOin != call.CallerOin)
                {
                    // Neither holder nor receiver of an open handover: only a basis (consent or statutory task) for the
                    // plan's case and professional data on its leefgebieden opens it (handovers.proto, GetPlan).
                    var current = version ?? await PlanQueries.VersionAsync(connection, transaction, found.PlanId, found.Version, token).ConfigureAwait(false);
                    var leefgebieden = protector.UnprotectPlan(current!.Content, current.PlanId, current.Version).Goals.Select(g => g.Leefgebied).Distinct().ToArray();
                    var query = new BasisQuery(
                        found.SubjectPseudonym, call.CallerOin, OrganisationKindMapping.ToContract(call.Caller.OrganisationKind), call.Caller.RmcRegion,
                        PlanHandoverPurpose.Code, leefgebieden, PlanCategories);
                    var decision = await legalBasis.DecideAsync(connection, transaction, query, time.GetUtcNow(), token).ConfigureAwait(false);
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

                return (Plan: found, Version: version, Basis: basis);
            },
            async (ctx, read) =>
            {
                var issued = subject?.SubjectRef ?? await subjects.RefForAsync(ctx, read.Plan.SubjectPseudonym, call.CallerOin).ConfigureAwait(false);
                await ConsentDisclosures.RecordAsync(ctx, read.Basis, call.CallerOin, read.Plan.SubjectPseudonym).ConfigureAwait(false);
                await ctx.LogAsync(call.Record(ProcessingActivities.PlanHandover, ProcessingAction.Read, PlanHandoverPurpose.Code, read.Basis, read.Plan.SubjectPseudonym, PlanCategories, ctx.Now)).ConfigureAwait(false);
                return (read.Plan, read.Version, ReaderRef: issued);
            },
            ct).ConfigureAwait(false);

        return await mapping.ToPlanAsync(plan, version, readerRef, withContent: true, ct).ConfigureAwait(false);
    }
}
