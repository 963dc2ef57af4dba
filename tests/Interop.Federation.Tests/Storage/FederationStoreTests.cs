using Interop.Federation.Keys;
using Interop.Federation.Registry;

namespace Interop.Federation.Tests.Storage;

/// <summary>
/// The storage contract every provider must meet, run once per provider by a concrete subclass (SQLite, PostgreSQL):
/// partners, clients, signing keys and migrations behave the same on each. Every test starts on a new, empty database.
/// </summary>
public abstract partial class FederationStoreTests<TStore> : IAsyncLifetime
    where TStore : class, IPartnerStore, ISigningKeyStore
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private TStore? _store;

    /// <summary>The store under test (not yet migrated: the first call migrates).</summary>
    protected TStore Store => _store ?? throw new InvalidOperationException("Created in InitializeAsync.");

    /// <summary>The (version, name) of every migration script the provider embeds, in order.</summary>
    protected abstract IReadOnlyList<(int Version, string Name)> Scripts { get; }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync().WaitAsync(Timeout);
        _store = OpenNode();
    }

    public Task DisposeAsync() => DropDatabaseAsync().WaitAsync(Timeout);

    /// <summary>Prepares a new, empty database for this test.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new store instance on this test's database, as another hub node (or the admin tool) would open it.</summary>
    protected abstract TStore OpenNode();

    /// <summary>The schema version <paramref name="store"/> reports (migrating first if it has not yet).</summary>
    protected abstract Task<int> GetSchemaVersionAsync(TStore store);

    /// <summary>The number of rows in schema_version, read directly from the database.</summary>
    protected abstract Task<long> CountAppliedMigrationsAsync();

    /// <summary>The text of the provider's migration script <paramref name="version"/>.</summary>
    protected abstract string ScriptSql(int version);

    /// <summary>Runs <paramref name="sql"/> on this test's database directly, bypassing (and not migrating) the store.</summary>
    protected abstract Task ExecuteAsync(string sql);

    /// <summary>Closes every store and removes the database.</summary>
    protected abstract Task DropDatabaseAsync();

    [Fact]
    public async Task Migrations_RunOnce_RecordSchemaVersion()
    {
        Assert.Empty(await Store.ListOrganisationsAsync().WaitAsync(Timeout));
        Assert.Equal(Scripts[^1].Version, await GetSchemaVersionAsync(Store).WaitAsync(Timeout));
        // A second store on the same database finds the schema in place and applies nothing again.
        Assert.Equal(Scripts[^1].Version, await GetSchemaVersionAsync(OpenNode()).WaitAsync(Timeout));
        Assert.Equal(Scripts.Count, await CountAppliedMigrationsAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Migrations_NodesStartingTogether_ApplyEachScriptOnce()
    {
        // Three hub nodes start on the same empty database at the same moment; none may fail or apply a script twice.
        var nodes = Enumerable.Range(0, 3).Select(_ => OpenNode()).ToList();
        using var start = new Barrier(nodes.Count);
        var versions = await Task.WhenAll(nodes.Select(node => Task.Run(() =>
        {
            Assert.True(start.SignalAndWait(Timeout));
            return GetSchemaVersionAsync(node);
        }))).WaitAsync(Timeout);

        Assert.All(versions, v => Assert.Equal(Scripts[^1].Version, v));
        Assert.Equal(Scripts.Count, await CountAppliedMigrationsAsync().WaitAsync(Timeout));
        Assert.Empty(await nodes[0].ListClientsAsync().WaitAsync(Timeout));
    }
}
