using System.Data.Common;
using Interop.Hub.Storage;
using Interop.Hub.Tests.Infrastructure;
using Interop.Testing.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Interop.Hub.Tests.Foundation;

/// <summary>A hub database (schema migrated) on one provider, in a temp file or a fresh PostgreSQL database.</summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _directory;
    private readonly PostgreSqlDatabase? _postgreSql;

    private TestDatabase(HubDatabase database, RecordingSignal signal, string? directory, PostgreSqlDatabase? postgreSql)
    {
        Database = database;
        Signal = signal;
        _directory = directory;
        _postgreSql = postgreSql;
    }

    public HubDatabase Database { get; }

    public RecordingSignal Signal { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider, TimeProvider? time = null, int maxBatch = 256)
    {
        var signal = new RecordingSignal();
        time ??= TimeProvider.System;
        TestDatabase result;
        if (provider == StorageProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("interop-hubdb-").FullName;
            result = new TestDatabase(
                new SqliteHubDatabase(Path.Combine(directory, "hub.db"), time, signal, NullLogger<SqliteHubDatabase>.Instance, maxBatch), signal, directory, null);
        }
        else
        {
            var database = await SharedPostgreSql.CreateDatabaseAsync();
            result = new TestDatabase(
                new PostgreSqlHubDatabase(database.ConnectionString, time, signal, NullLogger<PostgreSqlHubDatabase>.Instance, maxBatch), signal, null, database);
        }

        await result.Database.MigrateAsync(CancellationToken.None);
        return result;
    }

    /// <summary>A second, independent connection for checking what was committed.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _postgreSql is null
            ? new SqliteConnection($"Data Source={Path.Combine(_directory!, "hub.db")}")
            : new NpgsqlConnection(_postgreSql.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }

        if (_postgreSql is not null)
        {
            await _postgreSql.DisposeAsync();
        }
    }
}
