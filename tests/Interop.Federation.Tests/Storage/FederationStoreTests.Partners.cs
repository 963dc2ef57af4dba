using Interop.Federation.Registry;
using Interop.Federation.Tests.Infrastructure;

namespace Interop.Federation.Tests.Storage;

public abstract partial class FederationStoreTests<TStore>
{
    [Fact]
    public async Task Organisation_AddGetDisable_RoundTrips()
    {
        await Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23")).WaitAsync(Timeout);
        Assert.Equal(new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23", true), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
        Assert.True(await Store.SetOrganisationEnabledAsync(Seed.GemeenteOin, false).WaitAsync(Timeout));
        Assert.False((await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout))!.Enabled);
        Assert.False(await Store.SetOrganisationEnabledAsync("00000001000000000000", false).WaitAsync(Timeout));
        Assert.Null(await Store.GetOrganisationAsync("00000001000000000000").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Organisation_DuplicateOin_Refused()
    {
        var organisation = new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, null);
        await Store.AddOrganisationAsync(organisation).WaitAsync(Timeout);
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() => Store.AddOrganisationAsync(organisation).WaitAsync(Timeout));
        Assert.Equal($"An organisation with OIN {Seed.GemeenteOin} already exists.", Assert.Single(ex.Errors));
    }

    [Fact]
    public async Task Organisation_Invalid_ListsEveryProblem()
    {
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            Store.AddOrganisationAsync(new Organisation("12345", " ", OrganisationKind.Gemeente, "RMC 23!")).WaitAsync(Timeout));
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public async Task Organisations_List_OrderedByOin()
    {
        await Store.AddOrganisationAsync(new Organisation(Seed.RocOin, "ROC", OrganisationKind.Roc, null, Enabled: false)).WaitAsync(Timeout);
        await Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "Gemeente", OrganisationKind.Gemeente, "RMC23")).WaitAsync(Timeout);
        Assert.Equal(
            new[] { new Organisation(Seed.GemeenteOin, "Gemeente", OrganisationKind.Gemeente, "RMC23"), new Organisation(Seed.RocOin, "ROC", OrganisationKind.Roc, null, false) },
            await Store.ListOrganisationsAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task Client_ForUnknownOrganisation_Refused()
    {
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            Store.AddClientAsync(new ApiClient("c1", Seed.GemeenteOin, TestKeys.ClientRsa.Jwks, null, ["a"])).WaitAsync(Timeout));
        Assert.Equal($"No organisation with OIN {Seed.GemeenteOin}: add it first.", Assert.Single(ex.Errors));
    }

    [Fact]
    public async Task Client_DuplicateClientId_Refused()
    {
        await Seed.GemeenteAsync(Store).WaitAsync(Timeout);
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            Store.AddClientAsync(new ApiClient(Seed.GemeenteClient, Seed.GemeenteOin, TestKeys.OtherRsa.Jwks, null, ["a"])).WaitAsync(Timeout));
        Assert.Equal($"A client with client_id {Seed.GemeenteClient} already exists.", Assert.Single(ex.Errors));
    }

    [Fact]
    public async Task Client_AddListReplaceKeys_RoundTrips()
    {
        await Seed.GemeenteAsync(Store).WaitAsync(Timeout);
        var client = Assert.Single(await Store.ListClientsAsync().WaitAsync(Timeout));
        Assert.Equal(Seed.GemeenteScopes, client.AllowedScopes);
        Assert.Equal(TestKeys.ClientRsa.Jwks, client.Jwks);
        Assert.Equal(Seed.GemeenteOin, client.OrganisationOin);
        Assert.True(client.Enabled);

        var url = new Uri("https://keys.gemeente-utrecht.test/jwks");
        Assert.True(await Store.ReplaceClientKeysAsync(Seed.GemeenteClient, null, url).WaitAsync(Timeout));
        client = (await Store.GetClientAsync(Seed.GemeenteClient).WaitAsync(Timeout))!;
        Assert.Null(client.Jwks);
        Assert.Equal(url, client.JwksUrl);

        Assert.True(await Store.ReplaceClientKeysAsync(Seed.GemeenteClient, TestKeys.OtherRsa.Jwks, null).WaitAsync(Timeout));
        client = (await Store.GetClientAsync(Seed.GemeenteClient).WaitAsync(Timeout))!;
        Assert.Equal(TestKeys.OtherRsa.Jwks, client.Jwks);
        Assert.Null(client.JwksUrl);
        Assert.False(await Store.ReplaceClientKeysAsync("no-such-client", TestKeys.OtherRsa.Jwks, null).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Client_Disable_RoundTrips()
    {
        await Seed.GemeenteAsync(Store).WaitAsync(Timeout);
        Assert.True(await Store.SetClientEnabledAsync(Seed.GemeenteClient, false).WaitAsync(Timeout));
        Assert.False((await Store.GetClientAsync(Seed.GemeenteClient).WaitAsync(Timeout))!.Enabled);
        Assert.True(await Store.SetClientEnabledAsync(Seed.GemeenteClient, true).WaitAsync(Timeout));
        Assert.True((await Store.GetClientAsync(Seed.GemeenteClient).WaitAsync(Timeout))!.Enabled);
        Assert.False(await Store.SetClientEnabledAsync("no-such-client", false).WaitAsync(Timeout));
        Assert.Null(await Store.GetClientAsync("no-such-client").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Clients_List_OrderedByClientIdOrdinally()
    {
        await Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "G", OrganisationKind.Gemeente, null)).WaitAsync(Timeout);
        foreach (var id in new[] { "zeta", "alpha-2", "Alpha", "alpha" })
        {
            await Store.AddClientAsync(new ApiClient(id, Seed.GemeenteOin, TestKeys.ClientRsa.Jwks, null, ["a", "b"])).WaitAsync(Timeout);
        }

        // Byte order, as SQLite compares: upper case before lower case, whatever the database locale says.
        Assert.Equal(new[] { "Alpha", "alpha", "alpha-2", "zeta" }, (await Store.ListClientsAsync().WaitAsync(Timeout)).Select(c => c.ClientId));
    }

    [Fact]
    public async Task Client_PrivateKeyInJwks_Refused()
    {
        await Store.AddOrganisationAsync(new Organisation(Seed.GemeenteOin, "G", OrganisationKind.Gemeente, null)).WaitAsync(Timeout);
        var material = Federation.Client.ClientKeyMaterial.Generate(2048);
        var key = Federation.Client.ClientKeyMaterial.LoadPrivateKey(material.PrivateKeyPem, material.Kid);
        var privateJwk = Microsoft.IdentityModel.Tokens.JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        var jwks = System.Text.Json.JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", kid = material.Kid, n = privateJwk.N, e = privateJwk.E, d = privateJwk.D } } });
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() => Store.AddClientAsync(new ApiClient("c1", Seed.GemeenteOin, jwks, null, ["a"])).WaitAsync(Timeout));
        Assert.Contains("'d'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.ListClientsAsync().WaitAsync(Timeout));
    }
}
