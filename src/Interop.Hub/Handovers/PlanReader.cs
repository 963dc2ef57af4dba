using System.Data.Common;
using Interop.Contracts.V1;

namespace Interop.Hub.Handovers;

/// <summary>
/// Reads a jongere's current plan for other parts of the hub (the status service shows its regisseur). Decides
/// nothing about access and logs nothing: the caller filters by its own basis and writes its own processing record.
/// </summary>
internal sealed class PlanReader(PlanMapping mapping)
{
    /// <summary>
    /// The jongere's current plan, decrypted (goals, agreements, regisseur with contact details), or null when the
    /// jongere has none. Its subject carries the subject_ref the hub issued to <paramref name="readerOin"/>, and is
    /// unset when it issued none (a read cannot register one). Runs in <paramref name="transaction"/> when not null.
    /// </summary>
    public async Task<Plan?> GetCurrentPlanAsync(DbConnection connection, DbTransaction? transaction, string subjectPseudonym, string readerOin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var plan = await PlanQueries.PlanBySubjectAsync(connection, transaction, subjectPseudonym, ct).ConfigureAwait(false);
        if (plan is null)
        {
            return null;
        }

        var version = await PlanQueries.VersionAsync(connection, transaction, plan.PlanId, plan.Version, ct).ConfigureAwait(false);
        if (version is null)
        {
            return null;
        }

        var readerRef = await PlanQueries.IssuedRefAsync(connection, transaction, subjectPseudonym, readerOin, ct).ConfigureAwait(false);
        return await mapping.ToPlanAsync(plan, version, readerRef ?? "", withContent: true, ct).ConfigureAwait(false);
    }
}
