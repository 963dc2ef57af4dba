using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Microsoft.Extensions.Options;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// RegisterInvolvement and EndInvolvement: the Verwijsindex side of the status service. An organisation registers
/// that it works with a jongere; the first registration of a second organisation makes a match, and both are told
/// (MatchFound) in the same transaction. Renewing an open involvement raises nothing.
/// </summary>
internal sealed partial class InvolvementRegistration(
    IHubDatabase database,
    SubjectDirectory subjects,
    ILegalBasisResolver resolver,
    PartnerLookup partners,
    IOptions<LegalBasisOptions> legalBasis)
{
    /// <summary>How long an involvement stays active without renewal (the Verwijsindex keeps a signal at most two years).</summary>
    private const int ActiveYears = 2;

    private static readonly IReadOnlyList<DataCategory> Categories = [DataCategory.Involvement];

    /// <summary>Registers or renews the caller's involvement; returns it.</summary>
    public async Task<Involvement> RegisterAsync(HubCall call, RegisterInvolvementCommand command, CancellationToken cancellationToken)
    {
        var callerOin = call.CallerOin;
        var kind = OrganisationKindMapping.ToContract(call.Caller.OrganisationKind);
        // References for events are looked up before the write (the writer should only talk to the database).
        var refs = await PrefetchRefsAsync(command.Subject, callerOin, cancellationToken).ConfigureAwait(false);
        var mask = LeefgebiedMask.From(command.Leefgebieden);

        return await database.WriteAsync(async ctx =>
        {
            var subject = await subjects.ResolveAsync(ctx, command.Subject, callerOin).ConfigureAwait(false);
            var (decision, purposeCode) = await DecideAsync(ctx, subject.Pseudonym, call, kind, command).ConfigureAwait(false);
            if (!decision.Permitted)
            {
                HubErrors.FailedPrecondition(
                    decision.WithheldReason.ToString(),
                    "legal_basis",
                    "The legal basis does not cover registering this involvement: " + WithheldReasons.Describe(decision.WithheldReason));
            }

            var now = HubTime.ToStored(ctx.Now);
            var expire = HubTime.ToStored(ctx.Now.AddYears(ActiveYears));
            var open = (await ctx.Connection.QueryAsync<InvolvementRow>(ctx.Command(
                $"SELECT {InvolvementRow.Columns} FROM involvement WHERE subject_pseudonym = @pseudonym AND end_time IS NULL",
                new { pseudonym = subject.Pseudonym })).ConfigureAwait(false)).ToList();

            // A lapsed involvement is closed at its expiry: registering again starts a new one.
            foreach (var lapsed in open.Where(r => !r.IsActiveAt(now)))
            {
                await ctx.ExecuteAsync(
                    "UPDATE involvement SET end_time = @end WHERE subject_pseudonym = @pseudonym AND organisation_oin = @oin AND since_time = @since",
                    new { end = lapsed.ExpireTime, pseudonym = lapsed.SubjectPseudonym, oin = lapsed.OrganisationOin, since = lapsed.SinceTime }).ConfigureAwait(false);
            }

            var mine = open.SingleOrDefault(r => r.OrganisationOin == callerOin && r.IsActiveAt(now));
            var basisKind = (long)decision.Basis.Kind;
            InvolvementRow row;
            if (mine is not null)
            {
                await ctx.ExecuteAsync(
                    "UPDATE involvement SET leefgebied_mask = @mask, expire_time = @expire, legal_basis_kind = @basisKind, legal_basis_value = @basisValue, purpose_code = @purposeCode WHERE subject_pseudonym = @pseudonym AND organisation_oin = @oin AND since_time = @since",
                    new { mask, expire, basisKind, basisValue = decision.Basis.Value, purposeCode, pseudonym = subject.Pseudonym, oin = callerOin, since = mine.SinceTime }).ConfigureAwait(false);
                row = mine;
            }
            else
            {
                await ctx.ExecuteAsync(
                    "INSERT INTO involvement (subject_pseudonym, organisation_oin, leefgebied_mask, since_time, expire_time, end_time, legal_basis_kind, legal_basis_value, purpose_code) VALUES (@pseudonym, @oin, @mask, @now, @expire, NULL, @basisKind, @basisValue, @purposeCode)",
                    new { pseudonym = subject.Pseudonym, oin = callerOin, mask, now, expire, basisKind, basisValue = decision.Basis.Value, purposeCode }).ConfigureAwait(false);
                row = new InvolvementRow { SubjectPseudonym = subject.Pseudonym, OrganisationOin = callerOin, SinceTime = now };
                foreach (var other in open.Where(r => r.OrganisationOin != callerOin && r.IsActiveAt(now)))
                {
                    await RaiseMatchAsync(ctx, call, subject, (decision.Basis, purposeCode), command.Leefgebieden, other, refs).ConfigureAwait(false);
                }
            }

            row.LeefgebiedMask = mask;
            row.ExpireTime = expire;
            row.LegalBasisKind = basisKind;
            row.LegalBasisValue = decision.Basis.Value;
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Status,
                mine is null ? ProcessingAction.Create : ProcessingAction.Update,
                purposeCode,
                decision.Basis,
                subject.Pseudonym,
                command.Subject.Bsn is null ? Categories : [DataCategory.Bsn, .. Categories],
                ctx.Now)).ConfigureAwait(false);
            return ToContract(row, await RefAsync(refs, callerOin, ctx.CancellationToken).ConfigureAwait(false));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the caller's active involvement; NOT_FOUND when it has none.</summary>
    public async Task<Involvement> EndAsync(HubCall call, SubjectInput input, CancellationToken cancellationToken)
    {
        var callerOin = call.CallerOin;
        var callerRef = await partners.RefAsync(callerOin, cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async ctx =>
        {
            var pseudonym = input.Pseudonym
                ?? (await subjects.ResolveAsync(ctx, input, callerOin).ConfigureAwait(false)).Pseudonym;
            var now = HubTime.ToStored(ctx.Now);
            var mine = (await ctx.Connection.QueryAsync<InvolvementRow>(ctx.Command(
                $"SELECT {InvolvementRow.Columns} FROM involvement WHERE subject_pseudonym = @pseudonym AND organisation_oin = @oin AND end_time IS NULL",
                new { pseudonym, oin = callerOin })).ConfigureAwait(false)).FirstOrDefault(r => r.IsActiveAt(now));
            if (mine is null)
            {
                HubErrors.NotFound("Your organisation has no active involvement with this jongere.");
            }

            await ctx.ExecuteAsync(
                "UPDATE involvement SET end_time = @now WHERE subject_pseudonym = @pseudonym AND organisation_oin = @oin AND since_time = @since",
                new { now, pseudonym, oin = callerOin, since = mine.SinceTime }).ConfigureAwait(false);
            mine.EndTime = now;
            await ctx.LogAsync(call.Record(
                ProcessingActivities.Status,
                ProcessingAction.Update,
                mine.PurposeCode,
                mine.Basis,
                pseudonym,
                input.Bsn is null ? Categories : [DataCategory.Bsn, .. Categories],
                ctx.Now)).ConfigureAwait(false);
            return ToContract(mine, callerRef);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the basis the caller named. RegisterInvolvement names no purpose: the basis brings its own (a consent is
    /// given for one purpose; a statutory task serves the purposes the configuration lists, tried in order).
    /// </summary>
    private async Task<(BasisDecision Decision, string PurposeCode)> DecideAsync(HubWriteContext ctx, string pseudonym, HubCall call, OrganisationKind kind, RegisterInvolvementCommand command)
    {
        var claimed = command.LegalBasis;
        IReadOnlyList<string> purposes = claimed.BasisCase == Contracts.V1.LegalBasis.BasisOneofCase.ConsentId
            ? [.. await ctx.Connection.QueryAsync<string>(ctx.Command(
                "SELECT purpose_code FROM consent WHERE consent_id = @consentId AND subject_pseudonym = @pseudonym",
                new { consentId = claimed.ConsentId, pseudonym })).ConfigureAwait(false)]
            : legalBasis.Value.StatutoryTasks.FirstOrDefault(t => t.Code == claimed.StatutoryTask.Code)?.Purposes ?? [];
        var decision = BasisDecision.Withheld(claimed.BasisCase == Contracts.V1.LegalBasis.BasisOneofCase.ConsentId ? WithheldReason.NoConsent : WithheldReason.NoLegalBasis);
        foreach (var purposeCode in purposes.DefaultIfEmpty(""))
        {
            decision = await resolver.DecideAsync(
                ctx.Connection,
                ctx.Transaction,
                new BasisQuery(pseudonym, call.CallerOin, kind, call.Caller.RmcRegion, purposeCode, command.Leefgebieden, Categories, claimed),
                ctx.Now,
                ctx.CancellationToken).ConfigureAwait(false);
            if (decision.Permitted)
            {
                return (decision, purposeCode);
            }
        }

        return (decision, "");
    }

    /// <summary>The involvement as the contract shows it.</summary>
    public static Involvement ToContract(InvolvementRow row, OrganisationRef organisation)
    {
        var involvement = new Involvement
        {
            Organisation = organisation,
            SinceTime = HubTime.ToTimestamp(row.SinceTime),
            ExpireTime = HubTime.ToTimestamp(row.ExpireTime),
            EndTime = HubTime.ToTimestamp(row.EndTime),
        };
        involvement.Leefgebieden.AddRange(LeefgebiedMask.ToList(row.LeefgebiedMask));
        return involvement;
    }
}
