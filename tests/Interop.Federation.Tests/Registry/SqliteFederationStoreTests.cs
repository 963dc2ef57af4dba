using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.Registry;

public sealed class SqliteFederationStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Migrations_RunOnce_RecordSchemaVersion()
    {
        Assert.Empty(await _db.Store.ListOrganisationsAsync());
        Assert.Equal(1, await _db.Store.GetSchemaVersionAsync());
        // A second store on the same file finds the schema in place and applies nothing again.
        var again = new SqliteFederationStore(_db.Path);
        Assert.Equal(1, await again.GetSchemaVersionAsync());
    }

    [Fact]
    public async Task Organisation_AddGetDisable_RoundTrips()
    {
        await _db.Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23"));
        Assert.Equal(new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23", true), await _db.Store.GetOrganisationAsync(Seed.GemeenteOin));
        Assert.True(await _db.Store.SetOrganisationEnabledAsync(Seed.GemeenteOin, false));
        Assert.False((await _db.Store.GetOrganisationAsync(Seed.GemeenteOin))!.Enabled);
        Assert.False(await _db.Store.SetOrganisationEnabledAsync("00000001000000000000", false));
    }

    [Fact]
    public async Task Organisation_DuplicateOin_Refused()
    {
        var organisation = new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, null);
        await _db.Store.AddOrganisationAsync(organisation);
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() => _db.Store.AddOrganisationAsync(organisation));
        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organisation_Invalid_ListsEveryProblem()
    {
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() => _db.Store.AddOrganisationAsync(new Organisation("12345", " ", OrganisationKind.Gemeente, "RMC 23!")));
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public async Task Client_ForUnknownOrganisation_Refused()
    {
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            _db.Store.AddClientAsync(new ApiClient("c1", Seed.GemeenteOin, TestKeys.ClientRsa.Jwks, null, ["a"])));
        Assert.Contains("add it first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_AddListReplaceKeys_RoundTrips()
    {
        await Seed.GemeenteAsync(_db.Store);
        var client = Assert.Single(await _db.Store.ListClientsAsync());
        Assert.Equal(Seed.GemeenteScopes, client.AllowedScopes);
        Assert.Equal(TestKeys.ClientRsa.Jwks, client.Jwks);

        var url = new Uri("https://keys.gemeente-utrecht.test/jwks");
        Assert.True(await _db.Store.ReplaceClientKeysAsync(Seed.GemeenteClient, null, url));
        client = (await _db.Store.GetClientAsync(Seed.GemeenteClient))!;
        Assert.Null(client.Jwks);
        Assert.Equal(url, client.JwksUrl);
    }

    [Fact]
    public async Task Client_PrivateKeyInJwks_Refused()
    {
        await _db.Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "G", OrganisationKind.Gemeente, null));
        var material = Federation.Client.ClientKeyMaterial.Generate(2048);
        var key = Federation.Client.ClientKeyMaterial.LoadPrivateKey(material.PrivateKeyPem, material.Kid);
        var privateJwk = Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        var jwks = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid = material.Kid, n = privateJwk.N, e = privateJwk.E, d = privateJwk.D } } });
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() => _db.Store.AddClientAsync(new ApiClient("c1", Seed.GemeenteOin, jwks, null, ["a"])));
        Assert.Contains("'d'", ex.Message, StringComparison.Ordinal);
    }
}
