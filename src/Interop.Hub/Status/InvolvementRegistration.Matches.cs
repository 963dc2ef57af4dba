using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// The matches of <see cref="InvolvementRegistration"/>: MatchFound for both sides, with their organisation
/// references. Each MatchFound discloses one organisation's involvement to the other, so each is logged as a
/// disclosure to its recipient, under the basis that recipient's own involvement rests on.
/// </summary>
internal sealed partial class InvolvementRegistration
{
    /// <summary>What a MatchFound carries about the jongere: the recipient's subject_ref and the other's involvement.</summary>
    private static readonly IReadOnlyList<DataCategory> MatchCategories = [DataCategory.Pseudonym, DataCategory.Involvement];

    private async Task RaiseMatchAsync(
        HubWriteContext ctx,
        HubCall call,
        ResolvedSubject subject,
        (ProcessingLegalBasis Basis, string PurposeCode) callerBasis,
        IReadOnlyList<Leefgebied> callerLeefgebieden,
        InvolvementRow other,
        Dictionary<string, OrganisationRef> refs)
    {
        var callerOin = call.CallerOin;

        // Each side is told about the other, under its own subject_ref for the jongere.
        var toOther = new MatchFound { OtherOrganisation = await RefAsync(refs, callerOin, ctx.CancellationToken).ConfigureAwait(false) };
        toOther.Leefgebieden.AddRange(callerLeefgebieden);
        await ctx.AddEventAsync(other.OrganisationOin, new Event
        {
            SubjectRef = await subjects.RefForAsync(ctx, subject.Pseudonym, other.OrganisationOin).ConfigureAwait(false),
            MatchFound = toOther,
        }).ConfigureAwait(false);
        await ctx.LogAsync(call.Disclosure(
            other.OrganisationOin, callerOin, ProcessingActivities.Status, other.PurposeCode, other.Basis, subject.Pseudonym, MatchCategories, ctx.Now)).ConfigureAwait(false);

        var toCaller = new MatchFound { OtherOrganisation = await RefAsync(refs, other.OrganisationOin, ctx.CancellationToken).ConfigureAwait(false) };
        toCaller.Leefgebieden.AddRange(LeefgebiedMask.ToList(other.LeefgebiedMask));
        await ctx.AddEventAsync(callerOin, new Event { SubjectRef = subject.CallerRef, MatchFound = toCaller }).ConfigureAwait(false);
        await ctx.LogAsync(call.Disclosure(
            callerOin, other.OrganisationOin, ProcessingActivities.Status, callerBasis.PurposeCode, callerBasis.Basis, subject.Pseudonym, MatchCategories, ctx.Now)).ConfigureAwait(false);
    }

    private async Task<Dictionary<string, OrganisationRef>> PrefetchRefsAsync(SubjectInput input, string callerOin, CancellationToken cancellationToken)
    {
        var oins = await database.ReadAsync(async (connection, ct) =>
        {
            var pseudonym = input.Pseudonym ?? await subjects.FindAsync(connection, input, callerOin, ct).ConfigureAwait(false);
            if (pseudonym is null)
            {
                return [];
            }

            return (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT DISTINCT organisation_oin FROM involvement WHERE subject_pseudonym = @pseudonym AND end_time IS NULL",
                new { pseudonym }, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        }, cancellationToken).ConfigureAwait(false);

        var refs = new Dictionary<string, OrganisationRef>(StringComparer.Ordinal);
        foreach (var oin in oins.Append(callerOin).Distinct(StringComparer.Ordinal))
        {
            refs[oin] = await partners.RefAsync(oin, cancellationToken).ConfigureAwait(false);
        }

        return refs;
    }

    private async Task<OrganisationRef> RefAsync(Dictionary<string, OrganisationRef> refs, string oin, CancellationToken cancellationToken)
    {
        // An organisation that registered between the prefetch and the write: looked up now (cached, rare).
        if (!refs.TryGetValue(oin, out var found))
        {
            found = await partners.RefAsync(oin, cancellationToken).ConfigureAwait(false);
            refs[oin] = found;
        }

        return found;
    }
}
