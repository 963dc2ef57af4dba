using Interop.Federation.Storage;

namespace Interop.Hub.Storage;

/// <summary>Where the hub keeps its SQLite database.</summary>
internal static class SqliteDatabasePath
{
    /// <summary>
    /// The configured path (<c>Interop:Federation:DatabasePath</c>, shared with interop-admin), else the per-user default
    /// both tools use. The folder is created when missing.
    /// </summary>
    public static string ResolvePath(IConfiguration configuration)
    {
        var configured = configuration[SqliteFederationStore.DatabasePathConfigurationKey];
        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? SqliteFederationStore.DefaultDatabasePath : configured);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
