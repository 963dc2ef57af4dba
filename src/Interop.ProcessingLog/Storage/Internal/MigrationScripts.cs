using System.Globalization;

namespace Interop.ProcessingLog.Storage.Internal;

/// <summary>
/// The embedded, numbered scripts (NNNN_name.sql), portable between SQLite and PostgreSQL. Their versions are kept
/// in a table of the log's own, processing_log_schema_version, so the log can share a database (the hub's SQLite file)
/// with other components that keep their own schema_version.
/// </summary>
internal static class MigrationScripts
{
    public const string VersionTable = "processing_log_schema_version";

    public const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS " + VersionTable + " (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)";

    private const string ResourcePrefix = "Interop.ProcessingLog.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    private static IReadOnlyList<(int, string, string)> Load()
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }
}
