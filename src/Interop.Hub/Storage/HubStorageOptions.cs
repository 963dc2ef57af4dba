namespace Interop.Hub.Storage;

/// <summary>
/// Storage settings (section <c>Interop:Storage</c>). SQLite uses the file <c>Interop:Federation:DatabasePath</c>
/// (shared with interop-admin); PostgreSQL uses <see cref="ConnectionString"/> for every store of the hub.
/// </summary>
public sealed class HubStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interop:Storage";

    /// <summary>Sqlite (default) or PostgreSql.</summary>
    public HubStorageProvider Provider { get; set; } = HubStorageProvider.Sqlite;

    /// <summary>The Npgsql connection string; required with <see cref="HubStorageProvider.PostgreSql"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite only: how durably commits are written (default Full: survives a power loss).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>The most operations committed in one transaction by the write queue (group commit).</summary>
    public int MaxWriteBatch { get; set; } = 256;
}
