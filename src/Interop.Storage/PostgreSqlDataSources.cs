using System.Data.Common;
using Npgsql;

namespace Interop.Storage;

/// <summary>
/// The one way every PostgreSQL store of the hub opens its data source, so that they share the same connection
/// settings.
/// </summary>
public static class PostgreSqlDataSources
{
    /// <summary>
    /// How many statements each connection keeps prepared on the server when the connection string does not say:
    /// 64, which covers every statement the hub runs on its hot paths.
    /// </summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// A data source for <paramref name="connectionString"/>. Unless the connection string sets <c>Max Auto Prepare</c>
    /// itself, Npgsql's automatic preparation is switched on: up to <see cref="DefaultMaxAutoPrepare"/> statements per
    /// connection, each prepared from its fifth run (Npgsql's <c>Auto Prepare Min Usages</c>). Without it PostgreSQL
    /// parses and plans every statement on every run, which halved the hub's throughput on PostgreSQL
    /// (docs/benchmarks.md). <c>Max Auto Prepare=0</c> switches it off.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static NpgsqlDataSource Create(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsMaxAutoPrepare(connectionString))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return NpgsqlDataSource.Create(builder);
    }

    // Whether the connection string names the setting at all (0 included), under any spelling Npgsql accepts.
    private static bool SetsMaxAutoPrepare(string connectionString)
    {
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys;
        return keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), "MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
    }
}
