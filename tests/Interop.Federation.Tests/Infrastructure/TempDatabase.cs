using Interop.Federation.Storage;

namespace Interop.Federation.Tests.Infrastructure;

/// <summary>A SQLite file in the temp folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "interop-fed-" + Guid.NewGuid().ToString("N") + ".db");
        Store = new SqliteFederationStore(Path);
    }

    public string Path { get; }

    public SqliteFederationStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
