using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Federation.Storage.PostgreSql;
using Interop.Testing.PostgreSql;

namespace Interop.Admin.Tests;

/// <summary>
/// <see cref="PartnerServicesCliTests"/> on PostgreSQL (--postgres), plus choosing PostgreSQL through the hub's own
/// settings (INTEROP__STORAGE__PROVIDER, INTEROP__STORAGE__CONNECTIONSTRING), and the ways that choice goes wrong.
/// </summary>
[Collection(AdminDatabaseCollection.Name)]
public sealed class PartnerServicesCliOnPostgreSqlTests(PostgreSqlCluster cluster) : PartnerServicesCliTests
{
    private PostgreSqlDatabase? _database;

    private string ConnectionString => _database?.ConnectionString ?? throw new InvalidOperationException("Created in InitializeAsync.");

    protected override string[] DatabaseArguments => ["--postgres", ConnectionString];

    public override async Task InitializeAsync() => _database = await cluster.CreateDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(60));

    public override async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    protected override async Task<Organisation?> ReadAsync(string oin)
    {
        await using var store = new PostgreSqlFederationStore(ConnectionString);
        return await store.GetOrganisationAsync(oin);
    }

    [Fact]
    public async Task HubSettingsInEnvironment_SelectPostgreSql()
    {
        var result = await WithEnvironmentAsync(
            [("INTEROP__STORAGE__PROVIDER", "PostgreSql"), ("INTEROP__STORAGE__CONNECTIONSTRING", ConnectionString)],
            ["partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente", "--referral-leefgebieden", "zorg"]);

        Assert.Equal(0, result.Exit);
        Assert.Equal([Leefgebied.Zorg], (await ReadAsync(Oin))!.ReferralLeefgebieden);
    }

    [Fact]
    public async Task PostgreSqlProviderWithoutConnectionString_ExitsOne()
    {
        var result = await WithEnvironmentAsync([("INTEROP__STORAGE__PROVIDER", "PostgreSql")], ["partners", "list"]);
        Assert.Equal(1, result.Exit);
        Assert.Contains("Interop:Storage:ConnectionString is required", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProvider_ExitsOne()
    {
        var result = await WithEnvironmentAsync([("INTEROP__STORAGE__PROVIDER", "Oracle")], ["partners", "list"]);
        Assert.Equal(1, result.Exit);
        Assert.Contains("must be Sqlite or PostgreSql", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatabaseAndPostgres_ExitsOne()
    {
        var result = await RunAsync("partners", "list", "--database", Path.Combine(Path.GetTempPath(), "never-created.db"));
        Assert.Equal(1, result.Exit);
        Assert.Contains("give one", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableOrMalformedPostgres_ExitsOne()
    {
        // A port bound (not listening) by this test while it runs: refused, and no parallel test can listen on it.
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)holder.LocalEndPoint!).Port;
        var unreachable = await WithEnvironmentAsync([], ["partners", "list", "--postgres", $"Host=127.0.0.1;Port={port};Database=x;Username=x;Password=x;Timeout=5"]);
        Assert.Equal(1, unreachable.Exit);
        Assert.Contains("could not be reached", unreachable.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=x", unreachable.Err, StringComparison.Ordinal);

        var malformed = await WithEnvironmentAsync([], ["partners", "list", "--postgres", "Hostname?=="]);
        Assert.Equal(1, malformed.Exit);
        Assert.Contains("not a valid connection string", malformed.Err, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Out, string Err)> WithEnvironmentAsync((string Name, string Value)[] variables, string[] args)
    {
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await AdminCli.RunAsync(args, output, error).WaitAsync(TimeSpan.FromSeconds(60));
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            foreach (var (name, _) in variables)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
        }
    }
}
