using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;

namespace Interop.Hub.JongereStatus;

/// <summary>The matches of <see cref="InvolvementRegistration"/>: MatchFound for both sides, with their organisation references.</summary>
internal sealed partial class InvolvementRegistration
{
    private async Task RaiseMatchAsync(
        HubWriteContext ctx, ResolvedSubject subject, string callerOin, IReadOnlyList<Leefgebied> callerLeefgebieden, InvolvementRow other, Dictionary<string, OrganisationRef> refs)
    {
        // Each side is told about the other, under its own subject_ref for the jongere.
        var toOther = new MatchFound { OtherOrganisation = await RefAsync(refs, callerOin, ctx.CancellationToken).ConfigureAwait(false) };
        toOther.Leefgebieden.AddRange(callerLeefgebieden);
        await ctx.AddEventAsync(other.OrganisationOin, new Event
        {
            SubjectRef = await subjects.RefForAsync(ctx, subject.Pseudonym, other.OrganisationOin).ConfigureAwait(false),
            MatchFound = toOther,
        }).ConfigureAwait(false);

        var toCaller = new MatchFound { OtherOrganisation = await RefAsync(refs, other.OrganisationOin, ctx.CancellationToken).ConfigureAwait(false) };
        toCaller.Leefgebieden.AddRange(LeefgebiedMask.ToList(other.LeefgebiedMask));
        await ctx.AddEventAsync(callerOin, new Event { SubjectRef = subject.CallerRef, MatchFound = toCaller }).ConfigureAwait(false);
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
