using System.Text.Json;
using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Admin.Tests;

/// <summary>
/// partners add/set-services/list with referral leefgebieden and plan handovers, and the other commands, on each
/// provider the hub can use: a concrete subclass per provider says which database the tool is pointed at.
/// </summary>
public abstract class PartnerServicesCliTests : IAsyncLifetime
{
    protected const string Oin = "00000001001234567000";
    protected const string OtherOin = "00000009000000000101";

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    /// <summary>The options that point the tool at this test's database.</summary>
    protected abstract string[] DatabaseArguments { get; }

    /// <summary>The registry in this test's database, read directly.</summary>
    protected abstract Task<Organisation?> ReadAsync(string oin);

    [Fact]
    public async Task PartnersAdd_WithServices_ListShowsThem()
    {
        Assert.Equal(0, (await RunAsync("partners", "add", "--oin", Oin, "--name", "Gemeente Enschede", "--kind", "gemeente", "--region", "RMC38",
            "--referral-leefgebieden", "wonen,zorg, werk-en-inkomen", "--accepts-handovers")).Exit);
        Assert.Equal(0, (await RunAsync("partners", "add", "--oin", OtherOin, "--name", "Zorg", "--kind", "zorgaanbieder")).Exit);

        var enschede = (await ReadAsync(Oin))!;
        Assert.Equal([Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen], enschede.ReferralLeefgebieden);
        Assert.True(enschede.AcceptsHandovers);

        var table = await RunAsync("partners", "list");
        Assert.Matches(@"OIN\s+NAME\s+KIND\s+REGION\s+ENABLED\s+REFERRALS\s+HANDOVERS", table.Out);
        Assert.Matches(Oin + @"\s+Gemeente Enschede\s+gemeente\s+RMC38\s+yes\s+werk_en_inkomen,zorg,wonen\s+yes", table.Out);
        Assert.Matches(OtherOin + @"\s+Zorg\s+zorgaanbieder\s+-\s+yes\s+-\s+no", table.Out);

        var json = JsonDocument.Parse((await RunAsync("partners", "list", "--json")).Out).RootElement;
        Assert.Equal(["werk_en_inkomen", "zorg", "wonen"], json[0].GetProperty("referral_leefgebieden").EnumerateArray().Select(e => e.GetString()));
        Assert.True(json[0].GetProperty("accepts_handovers").GetBoolean());
        Assert.Equal(0, json[1].GetProperty("referral_leefgebieden").GetArrayLength());
        Assert.False(json[1].GetProperty("accepts_handovers").GetBoolean());
    }

    [Fact]
    public async Task PartnersAdd_UnknownLeefgebieden_ExitsOneNamingEach_AddsNothing()
    {
        var result = await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente", "--referral-leefgebieden", "zorg,sport,3,unspecified");
        Assert.Equal(1, result.Exit);
        Assert.Contains("'sport'", result.Err, StringComparison.Ordinal);
        Assert.Contains("'3'", result.Err, StringComparison.Ordinal);
        Assert.Contains("'unspecified'", result.Err, StringComparison.Ordinal);
        Assert.Null(await ReadAsync(Oin));
    }

    [Fact]
    public async Task PartnersAdd_DuplicateLeefgebied_ExitsOne_AddsNothing()
    {
        var result = await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente", "--referral-leefgebieden", "zorg,ZORG");
        Assert.Equal(1, result.Exit);
        Assert.Contains("'zorg' is listed more than once", result.Err, StringComparison.Ordinal);
        Assert.Null(await ReadAsync(Oin));
    }

    [Fact]
    public async Task SetServices_ChangesWhatIsGiven_KeepsTheRest()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente", "--referral-leefgebieden", "zorg");

        Assert.Equal(0, (await RunAsync("partners", "set-services", "--oin", Oin, "--accepts-handovers")).Exit);
        Assert.Equal(new Organisation(Oin, "G", Federation.Registry.OrganisationKind.Gemeente, null) { ReferralLeefgebieden = [Leefgebied.Zorg], AcceptsHandovers = true }, await ReadAsync(Oin));

        var both = await RunAsync("partners", "set-services", "--oin", Oin, "--referral-leefgebieden", "onderwijs,financien_schulden", "--accepts-handovers", "false");
        Assert.Equal(0, both.Exit);
        Assert.Contains("accepts referrals for onderwijs,financien_schulden; does not take plan handovers", both.Out, StringComparison.Ordinal);
        var organisation = (await ReadAsync(Oin))!;
        Assert.Equal([Leefgebied.Onderwijs, Leefgebied.FinancienSchulden], organisation.ReferralLeefgebieden);
        Assert.False(organisation.AcceptsHandovers);

        Assert.Equal(0, (await RunAsync("partners", "set-services", "--oin", Oin, "--referral-leefgebieden", "none")).Exit);
        Assert.Empty((await ReadAsync(Oin))!.ReferralLeefgebieden);
    }

    [Fact]
    public async Task SetServices_Refusals_ExitOne_ChangeNothing()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente", "--referral-leefgebieden", "zorg");
        var before = await ReadAsync(Oin);

        var nothing = await RunAsync("partners", "set-services", "--oin", Oin);
        Assert.Equal(1, nothing.Exit);
        Assert.Contains("Nothing to change", nothing.Err, StringComparison.Ordinal);

        var unknownOrganisation = await RunAsync("partners", "set-services", "--oin", OtherOin, "--accepts-handovers");
        Assert.Equal(1, unknownOrganisation.Exit);
        Assert.Contains($"No organisation with OIN {OtherOin}", unknownOrganisation.Err, StringComparison.Ordinal);
        Assert.Null(await ReadAsync(OtherOin));

        Assert.Equal(1, (await RunAsync("partners", "set-services", "--oin", Oin, "--referral-leefgebieden", "wonen,wonen")).Exit);
        Assert.Equal(1, (await RunAsync("partners", "set-services", "--oin", Oin, "--referral-leefgebieden", "hobby")).Exit);
        Assert.Equal(2, (await RunAsync("partners", "set-services", "--oin", Oin, "--accepts-handovers", "maybe")).Exit);
        Assert.Equal(before, await ReadAsync(Oin));
    }

    [Fact]
    public async Task ClientsKeysAndLog_WorkOnThisDatabase()
    {
        await RunAsync("partners", "add", "--oin", Oin, "--name", "G", "--kind", "gemeente");
        var keys = Path.Combine(Path.GetTempPath(), "interop-admin-keys-" + Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, (await RunAsync("clients", "keygen", "--out-dir", keys)).Exit);
            Assert.Equal(0, (await RunAsync("clients", "add", "--client-id", "c1", "--oin", Oin, "--scopes", "directory.read", "--jwks-file", Path.Combine(keys, "jwks.json"))).Exit);
        }
        finally
        {
            Directory.Delete(keys, recursive: true);
        }

        Assert.Equal("c1", JsonDocument.Parse((await RunAsync("clients", "list", "--json")).Out).RootElement[0].GetProperty("client_id").GetString());
        Assert.Equal(0, (await RunAsync("clients", "disable", "--client-id", "c1")).Exit);
        Assert.Equal(0, (await RunAsync("keys", "rotate", "--lead-time", "01:00:00")).Exit);
        Assert.Equal(2, JsonDocument.Parse((await RunAsync("keys", "list", "--json")).Out).RootElement.GetArrayLength());
        var verify = await RunAsync("log", "verify");
        Assert.Equal(0, verify.Exit);
        Assert.StartsWith("OK: 0 records", verify.Out, StringComparison.Ordinal);
    }

    protected async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await AdminCli.RunAsync([.. args, .. DatabaseArguments], output, error).WaitAsync(TimeSpan.FromSeconds(60));
        return (exit, output.ToString(), error.ToString());
    }
}
