namespace Interop.Hub.Storage;

/// <summary>Where the hub keeps its cases, events and processing log.</summary>
public enum HubStorageProvider
{
    /// <summary>The embedded default: one SQLite file on this node (a single hub node).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by any number of stateless hub nodes.</summary>
    PostgreSql,
}
