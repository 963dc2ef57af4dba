using Interop.Storage;

namespace Interop.Federation.Storage.Internal;

/// <summary>The registry's schema scripts, one set per provider, recorded in schema_version.</summary>
internal static class FederationMigrations
{
    /// <summary>
    /// The pg_advisory_xact_lock key of the registry's migrations ("InteropF" in ASCII), distinct from every other
    /// component's key in the same database.
    /// </summary>
    public const long PostgreSqlLockKey = 0x496E7465726F7046;

    public static MigrationScriptSet Sqlite { get; } = new(typeof(FederationMigrations).Assembly, "Interop.Federation.Migrations.");

    public static MigrationScriptSet PostgreSql { get; } = new(typeof(FederationMigrations).Assembly, "Interop.Federation.PostgreSql.Migrations.");
}
