using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.Handovers;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// The one place where the status service reads a jongere's current plan (regisseur and goals): the handovers
/// service's <see cref="PlanReader"/>, which decrypts the current version (the regisseur with team and contact
/// details, the goals per leefgebied).
/// </summary>
internal sealed class CurrentPlanSource(PlanReader plans)
{
    /// <summary>The current plan as <paramref name="readerOin"/> may read it, or null when the jongere has none (in <paramref name="transaction"/> when not null).</summary>
    public Task<Plan?> GetAsync(DbConnection connection, DbTransaction? transaction, string subjectPseudonym, PlanRow? row, string readerOin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return row is null
            ? Task.FromResult<Plan?>(null)
            : plans.GetCurrentPlanAsync(connection, transaction, subjectPseudonym, readerOin, cancellationToken);
    }
}
