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

    // The session setting CreateReadOnly adds to the connection string's Options.
    private const string ReadOnlyOption = "-c default_transaction_read_only=on";

    /// <summary>
    /// A data source for <paramref name="connectionString"/> with the hub's defaults for what the connection string
    /// does not set itself:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare</c>: Npgsql's automatic preparation is switched on, up to
    /// <see cref="DefaultMaxAutoPrepare"/> statements per connection, each prepared from its fifth run (Npgsql's
    /// <c>Auto Prepare Min Usages</c>). Without it PostgreSQL parses and plans every statement on every run, which
    /// halved the hub's throughput on PostgreSQL (docs/benchmarks.md). <c>Max Auto Prepare=0</c> switches it off.</item>
    /// <item><c>Maximum Pool Size</c>: <paramref name="defaultMaxPoolSize"/>, the store's own share, instead of
    /// Npgsql's 100. Every store of a node has its own pool and every node its own stores, and PostgreSQL refuses
    /// connections beyond its <c>max_connections</c> (100 by default) with "too many clients": 256 concurrent callers
    /// on one node did that with Npgsql's default. Beyond the limit a caller waits for a connection of the pool (up to
    /// <c>Timeout</c>) instead. A value in the connection string applies to each store that uses it.</item>
    /// </list>
    /// </summary>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="defaultMaxPoolSize">The most connections this data source opens unless the connection string says.</param>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="defaultMaxPoolSize"/> is less than 1.</exception>
    public static NpgsqlDataSource Create(string connectionString, int defaultMaxPoolSize) =>
        NpgsqlDataSource.Create(WithDefaults(connectionString, defaultMaxPoolSize));

    /// <summary>
    /// As <see cref="Create"/>, for connections that only read: each session starts with
    /// <c>default_transaction_read_only</c> on (added to the connection string's <c>Options</c>), so PostgreSQL refuses
    /// any write on them (SQLSTATE 25006), inside a transaction or not, without a statement of its own per transaction.
    /// </summary>
    /// <inheritdoc cref="Create" path="/param"/>
    /// <inheritdoc cref="Create" path="/exception"/>
    public static NpgsqlDataSource CreateReadOnly(string connectionString, int defaultMaxPoolSize)
    {
        var builder = WithDefaults(connectionString, defaultMaxPoolSize);
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? ReadOnlyOption : builder.Options + " " + ReadOnlyOption;
        return NpgsqlDataSource.Create(builder);
    }

    private static NpgsqlConnectionStringBuilder WithDefaults(string connectionString, int defaultMaxPoolSize)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentOutOfRangeException.ThrowIfLessThan(defaultMaxPoolSize, 1);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal)).ToList();
        if (!Sets(keys, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!Sets(keys, "MaxPoolSize", "MaximumPoolSize"))
        {
            builder.MaxPoolSize = defaultMaxPoolSize;
        }

        return builder;
    }

    // Whether the connection string names the setting at all (0 included), under any spelling Npgsql accepts (keys
    // without their spaces, any case).
    private static bool Sets(List<string> keys, params string[] names) =>
        keys.Any(key => names.Any(name => string.Equals(key, name, StringComparison.OrdinalIgnoreCase)));
}
