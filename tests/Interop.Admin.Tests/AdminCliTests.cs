using System.Text.Json;
using Interop.Federation.Storage;

namespace Interop.Admin.Tests;

/// <summary>The admin tool, run in process against a temporary SQLite file.</summary>
[Collection(AdminDatabaseCollection.Name)]
public sealed partial class AdminCliTests : IDisposable
{
    private const string Oin = "00000001001234567000";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "interop-admin-" + Guid.NewGuid().ToString("N"));
    private readonly string _database;

    public AdminCliTests()
    {
        Directory.CreateDirectory(_directory);
        _database = Path.Combine(_directory, "hub.db");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task PartnersAdd_ThenList_ShowsTableAndJson()
    {
        Assert.Equal(0, (await RunAsync("partners", "add", "--oin", Oin, "--name", "Gemeente Utrecht", "--kind", "gemeente", "--region", "RMC23")).Exit);

        var table = await RunAsync("partners", "list");
        Assert.Equal(0, table.Exit);
        Assert.Matches(@"OIN\s+NAME\s+KIND\s+REGION\s+ENABLED", table.Out);
        Assert.Matches(Oin + @"\s+Gemeente Utrecht\s+gemeente\s+RMC23\s+yes", table.Out);

        var json = JsonDocument.Parse((await RunAsync("partners", "list", "--json")).Out).RootElement;
        var organisation = Assert.Single(json.EnumerateArray());
        Assert.Equal(Oin, organisation.GetProperty("oin").GetString());
        Assert.Equal("gemeente", organisation.GetProperty("kind").GetString());
        Assert.True(organisation.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task PartnersAdd_InvalidOin_ExitsOneWithReason()
    {
        var result = await RunAsync("partners", "add", "--oin", "00000002001234567000", "--name", "X", "--kind", "gemeente");
        Assert.Equal(1, result.Exit);
        Assert.Contains("unknown prefix", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnersAdd_UnknownKind_IsUsageError()
    {
        var result = await RunAsync("partners", "add", "--oin", Oin, "--name", "X", "--kind", "bank");
        Assert.Equal(2, result.Exit);
    }

    [Fact]
    public async Task PartnersDisableEnable_TogglesFlag()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente");
        Assert.Equal(0, (await RunAsync("partners", "disable", "--oin", Oin)).Exit);
        Assert.False((await new SqliteFederationStore(_database).GetOrganisationAsync(Oin))!.Enabled);
        Assert.Equal(0, (await RunAsync("partners", "enable", "--oin", Oin)).Exit);
        Assert.True((await new SqliteFederationStore(_database).GetOrganisationAsync(Oin))!.Enabled);
        Assert.Equal(1, (await RunAsync("partners", "disable", "--oin", "00000001000000000000")).Exit);
    }

    [Fact]
    public async Task Keygen_ClientsAdd_RotateKey_Disable()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente");
        var keys1 = Path.Combine(_directory, "k1");
        var keygen = await RunAsync("clients", "keygen", "--out-dir", keys1);
        Assert.Equal(0, keygen.Exit);
        Assert.True(File.Exists(Path.Combine(keys1, "private-key.pem")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys1, "private-key.pem")));
        }

        Assert.DoesNotContain("\"d\"", await File.ReadAllTextAsync(Path.Combine(keys1, "jwks.json")), StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("clients", "keygen", "--out-dir", keys1)).Exit);

        var add = await RunAsync("clients", "add", "--client-id", "gemeente-utrecht", "--oin", Oin, "--scopes", "referrals.read status.read", "--jwks-file", Path.Combine(keys1, "jwks.json"));
        Assert.Equal(0, add.Exit);
        var client = (await new SqliteFederationStore(_database).GetClientAsync("gemeente-utrecht"))!;
        Assert.Equal(["referrals.read", "status.read"], client.AllowedScopes);
        var kid1 = Kid(client.Jwks!);

        var keys2 = Path.Combine(_directory, "k2");
        await RunAsync("clients", "keygen", "--out-dir", keys2);
        Assert.Equal(0, (await RunAsync("clients", "rotate-key", "--client-id", "gemeente-utrecht", "--jwks-file", Path.Combine(keys2, "jwks.json"))).Exit);
        client = (await new SqliteFederationStore(_database).GetClientAsync("gemeente-utrecht"))!;
        Assert.NotEqual(kid1, Kid(client.Jwks!));

        var list = await RunAsync("clients", "list");
        Assert.Matches(@"gemeente-utrecht\s+" + Oin + @"\s+referrals.read status.read\s+jwks \(" + System.Text.RegularExpressions.Regex.Escape(Kid(client.Jwks!)) + @"\)\s+yes", list.Out);

        Assert.Equal(0, (await RunAsync("clients", "disable", "--client-id", "gemeente-utrecht")).Exit);
        var json = JsonDocument.Parse((await RunAsync("clients", "list", "--json")).Out).RootElement;
        Assert.False(json[0].GetProperty("enabled").GetBoolean());
        // The JWK set is embedded as an object, readable by a JSON tool without a second parse.
        Assert.Equal(JsonValueKind.Object, json[0].GetProperty("jwks").ValueKind);
        Assert.Equal(Kid(client.Jwks!), json[0].GetProperty("jwks").GetProperty("keys")[0].GetProperty("kid").GetString());
    }

    [Fact]
    public async Task ClientsAdd_BothOrNoKeySource_Refused()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente");
        var none = await RunAsync("clients", "add", "--client-id", "c", "--oin", Oin, "--scopes", "a");
        Assert.Equal(1, none.Exit);
        Assert.Contains("exactly one of --jwks-file and --jwks-url", none.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientsAdd_JwksUrl_Stored()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente");
        Assert.Equal(0, (await RunAsync("clients", "add", "--client-id", "c", "--oin", Oin, "--scopes", "a", "--jwks-url", "https://keys.example.nl/jwks")).Exit);
        Assert.Equal(new Uri("https://keys.example.nl/jwks"), (await new SqliteFederationStore(_database).GetClientAsync("c"))!.JwksUrl);
        Assert.Equal(1, (await RunAsync("clients", "add", "--client-id", "d", "--oin", Oin, "--scopes", "a", "--jwks-url", "http://keys.example.nl/jwks")).Exit);
    }

    [Fact]
    public async Task KeysRotate_SchedulesSuccessor_ListShowsBoth()
    {
        var rotate = await RunAsync("keys", "rotate", "--lead-time", "02:00:00");
        Assert.Equal(0, rotate.Exit);
        var keys = JsonDocument.Parse((await RunAsync("keys", "list", "--json")).Out).RootElement;
        Assert.Equal(2, keys.GetArrayLength());
        Assert.DoesNotContain("PRIVATE", (await RunAsync("keys", "list", "--json")).Out, StringComparison.Ordinal);
        var starts = keys.EnumerateArray().Select(k => k.GetProperty("signing_starts_at").GetDateTimeOffset()).Order().ToList();
        Assert.InRange(starts[1] - starts[0], TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Database_DefaultsToConfiguredPath()
    {
        var configured = Path.Combine(_directory, "from-env.db");
        Environment.SetEnvironmentVariable("Interop__Federation__DatabasePath", configured);
        try
        {
            var output = new StringWriter();
            Assert.Equal(0, await AdminCli.RunAsync(["partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente"], output, new StringWriter()).WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Interop__Federation__DatabasePath", null);
        }

        Assert.NotNull(await new SqliteFederationStore(configured).GetOrganisationAsync(Oin));
    }

    private static string Kid(string jwks) => JsonDocument.Parse(jwks).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCli.RunAsync([.. args, "--database", _database], output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (exit, output.ToString(), error.ToString());
    }
}
