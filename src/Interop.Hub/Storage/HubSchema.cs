using Interop.Storage;

namespace Interop.Hub.Storage;

/// <summary>
/// The hub's own tables: numbered scripts under Storage/Migrations, portable between SQLite and PostgreSQL, versioned
/// in hub_schema_version (the file also holds the registry's and the processing log's tables, each versioned apart).
/// </summary>
internal static class HubSchema
{
    /// <summary>The pg_advisory_xact_lock key of the hub's migrations ("IopHubMg" in ASCII).</summary>
    public const long PostgreSqlMigrationLockKey = 0x496F704875624D67;

    public static MigrationScriptSet Scripts { get; } = new(typeof(HubSchema).Assembly, "Interop.Hub.Migrations.", "hub_schema_version");
}
