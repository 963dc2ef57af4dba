using System.Globalization;
using System.Reflection;

namespace Interop.Storage;

/// <summary>
/// A component's schema scripts, embedded in its assembly under one resource prefix, and the table that records which
/// have run. Components that share a database (the hub's SQLite file) keep separate version tables, so their numbers
/// never collide.
/// </summary>
public sealed class MigrationScriptSet
{
    /// <summary>Loads the scripts named <c>{resourcePrefix}NNNN_name.sql</c> from <paramref name="assembly"/>, in version order.</summary>
    public MigrationScriptSet(Assembly assembly, string resourcePrefix, string versionTable = "schema_version")
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        ArgumentException.ThrowIfNullOrEmpty(versionTable);
        VersionTable = versionTable;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[resourcePrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new MigrationScript(version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        Scripts = scripts;
    }

    /// <summary>The table recording applied scripts.</summary>
    public string VersionTable { get; }

    /// <summary>The scripts, in version order.</summary>
    public IReadOnlyList<MigrationScript> Scripts { get; }

    internal string CreateVersionTableSql =>
        $"CREATE TABLE IF NOT EXISTS {VersionTable} (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";

    internal string IsAppliedSql => $"SELECT COUNT(*) FROM {VersionTable} WHERE version = @version";

    internal string RecordSql => $"INSERT INTO {VersionTable} (version, name, applied_at) VALUES (@version, @name, @at)";

    /// <summary>The query for the highest applied version (0 when none).</summary>
    public string SchemaVersionSql => $"SELECT COALESCE(MAX(version), 0) FROM {VersionTable}";
}
