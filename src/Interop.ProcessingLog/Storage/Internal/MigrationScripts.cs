using Interop.Storage;

namespace Interop.ProcessingLog.Storage.Internal;

/// <summary>
/// The log's embedded, numbered scripts (NNNN_name.sql), portable between SQLite and PostgreSQL. Their versions are
/// kept in a table of the log's own, processing_log_schema_version, so the log can share a database (the hub's SQLite
/// file) with other components that keep their own schema_version.
/// </summary>
internal static class MigrationScripts
{
    public const string VersionTable = "processing_log_schema_version";

    /// <summary>The pg_advisory_xact_lock key of migrations ("IopPLogM" in ASCII), distinct from the append lock.</summary>
    public const long PostgreSqlLockKey = 0x496F70504C6F674D;

    public static MigrationScriptSet Set { get; } = new(typeof(MigrationScripts).Assembly, "Interop.ProcessingLog.Migrations.", VersionTable);

    public static IReadOnlyList<MigrationScript> All => Set.Scripts;
}
