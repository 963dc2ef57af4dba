using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// The one place where the status service reads a jongere's current plan (regisseur and goals). The plan's content
/// (the regisseur's team and contact details, the goals) is encrypted and read through the handovers service's
/// PlanReader; until that is merged, the plan is built from the plan table's index columns: the regisseur's
/// organisation only, no goals.
/// </summary>
internal sealed class CurrentPlanSource(PartnerLookup partners)
{
    /// <summary>The current plan as <paramref name="readerOin"/> may read it, or null when the jongere has none.</summary>
    public async Task<Plan?> GetAsync(DbConnection connection, string subjectPseudonym, PlanRow? row, string readerOin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (row is null)
        {
            return null;
        }

        // SWITCH TO PlanReader (lead, after merging wt-handovers): replace the lines below with
        //     return await PlanReader.GetCurrentPlanAsync(connection, subjectPseudonym, readerOin, cancellationToken);
        // which returns the decrypted plan (regisseur with team and contact details, goals per leefgebied).
        _ = (subjectPseudonym, readerOin);
        return new Plan
        {
            PlanId = row.PlanId,
            Holder = await partners.RefAsync(row.HolderOin, cancellationToken).ConfigureAwait(false),
            Regisseur = new Regisseur { Organisation = await partners.RefAsync(row.RegisseurOin, cancellationToken).ConfigureAwait(false) },
        };
    }
}
