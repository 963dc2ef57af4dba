using System.Data.Common;
using Dapper;

namespace Interop.Hub.Handovers;

/// <summary>The queries on plan, plan_version and handover shared by reads and writes (pass the write's transaction when in one).</summary>
internal static class PlanQueries
{
    /// <summary>The plan with this id, or null.</summary>
    public static Task<PlanRow?> PlanByIdAsync(DbConnection connection, DbTransaction? transaction, string planId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            $"SELECT {PlanRow.Columns} FROM plan p WHERE p.plan_id = @planId", new { planId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The jongere's plan, or null.</summary>
    public static Task<PlanRow?> PlanBySubjectAsync(DbConnection connection, DbTransaction? transaction, string pseudonym, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            $"SELECT {PlanRow.Columns} FROM plan p WHERE p.subject_pseudonym = @pseudonym", new { pseudonym }, transaction, cancellationToken: cancellationToken));

    /// <summary>One version of a plan, or null.</summary>
    public static Task<PlanVersionRow?> VersionAsync(DbConnection connection, DbTransaction? transaction, string planId, long version, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<PlanVersionRow>(new CommandDefinition(
            $"SELECT {PlanVersionRow.Columns} FROM plan_version v WHERE v.plan_id = @planId AND v.version = @version", new { planId, version }, transaction, cancellationToken: cancellationToken));

    /// <summary>The handover with this id, or null.</summary>
    public static Task<HandoverRow?> HandoverAsync(DbConnection connection, DbTransaction? transaction, string handoverId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<HandoverRow>(new CommandDefinition(
            $"SELECT {HandoverRow.Columns} FROM handover h WHERE h.handover_id = @handoverId", new { handoverId }, transaction, cancellationToken: cancellationToken));

    /// <summary>The plan's OFFERED handover, or null (there is at most one).</summary>
    public static Task<HandoverRow?> OpenHandoverAsync(DbConnection connection, DbTransaction? transaction, string planId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<HandoverRow>(new CommandDefinition(
            $"SELECT {HandoverRow.Columns} FROM handover h WHERE h.plan_id = @planId AND h.status = 1", new { planId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Whether <paramref name="oin"/> has had a part in the plan (held a version of it, or was offered it), so that
    /// refusing it may say PERMISSION_DENIED instead of NOT_FOUND without revealing anything new.
    /// </summary>
    public static async Task<bool> KnowsPlanAsync(DbConnection connection, DbTransaction? transaction, string planId, string oin, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM plan_version WHERE plan_id = @planId AND holder_oin = @oin) + (SELECT COUNT(*) FROM handover WHERE plan_id = @planId AND to_oin = @oin)",
            new { planId, oin }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;

    /// <summary>The subject_ref the hub issued to <paramref name="oin"/> for the jongere, or null when it issued none (a read cannot register one).</summary>
    public static Task<string?> IssuedRefAsync(DbConnection connection, DbTransaction? transaction, string pseudonym, string oin, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT MIN(subject_ref) FROM subject_ref WHERE organisation_oin = @oin AND pseudonym = @pseudonym", new { oin, pseudonym }, transaction, cancellationToken: cancellationToken));
}
