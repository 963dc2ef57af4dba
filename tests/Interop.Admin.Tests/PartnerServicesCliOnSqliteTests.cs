using Interop.Federation.Registry;
using Interop.Federation.Storage;

namespace Interop.Admin.Tests;

/// <summary><see cref="PartnerServicesCliTests"/> on a SQLite file (--database).</summary>
[Collection(AdminDatabaseCollection.Name)]
public sealed class PartnerServicesCliOnSqliteTests : PartnerServicesCliTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interop-admin-" + Guid.NewGuid().ToString("N"));

    protected override string[] DatabaseArguments => ["--database", Path.Combine(_directory, "hub.db")];

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override Task<Organisation?> ReadAsync(string oin) => new SqliteFederationStore(Path.Combine(_directory, "hub.db")).GetOrganisationAsync(oin);
}
