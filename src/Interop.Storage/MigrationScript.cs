namespace Interop.Storage;

/// <summary>One numbered schema script (<c>NNNN_name.sql</c>).</summary>
/// <param name="Version">The number before the first underscore; scripts run in this order.</param>
/// <param name="Name">The resource's file name, recorded with the version when applied.</param>
/// <param name="Sql">The script.</param>
public sealed record MigrationScript(int Version, string Name, string Sql);
