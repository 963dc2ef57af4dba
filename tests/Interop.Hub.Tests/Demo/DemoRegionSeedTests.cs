using System.Text.Json;
using Interop.Contracts.V1;
using Interop.Federation.Client;
using Interop.Federation.Registry;
using Interop.Grpc.Client;
using Interop.Hub.Tests.Infrastructure;
using Registry = Interop.Federation.Registry;

namespace Interop.Hub.Tests.Demo;

/// <summary>
/// The demo region seed (Interop:Demo:SeedWhenEmpty): the README's run command gives a hub with regio Twente
/// registered, and prints a token command that works. Run on each provider by the sealed subclasses.
/// </summary>
public abstract class DemoRegionSeedTests<TFixture>(TFixture fixture)
    where TFixture : DemoHubFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Seed_DirectoryListsTheRegion_WithLeefgebiedenAndHandovers()
    {
        var (invoker, resources) = Printed(fixture.Hub.Output).Connect(fixture.Hub.GrpcAddress);
        using var _ = resources;
        var directory = new DirectoryService.DirectoryServiceClient(invoker);

        var region = await directory.ListPartnersAsync(new ListPartnersRequest { RmcRegion = "RMC38" }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.Oin), region.Partners.Select(p => p.Organisation.Oin));
        foreach (var (partner, expected) in region.Partners.Zip(DemoRegionExpectations.Partners))
        {
            Assert.Equal(expected.Name, partner.Organisation.DisplayName);
            Assert.Equal(expected.Kind, partner.Organisation.Kind);
            Assert.Equal(expected.Leefgebieden.Order(), partner.ReferralLeefgebieden);
            Assert.Equal(expected.Handovers, partner.AcceptsHandovers);
        }

        var onderwijs = await directory.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = Leefgebied.Onderwijs }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(["ROC van Twente", "RMC Twente"], onderwijs.Partners.Select(p => p.Organisation.DisplayName));
        var jeugdhulp = await directory.GetPartnerAsync(new GetPartnerRequest { Oin = "00000009990000006000" }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([Leefgebied.Zorg, Leefgebied.NetwerkEnVrijeTijd], jeugdhulp.ReferralLeefgebieden);
        Assert.True(jeugdhulp.AcceptsHandovers);
    }

    [Fact]
    public void Seed_PrintsTokenCommandAndCall_ForThisHub()
    {
        var first = Printed(fixture.FirstStartOutput);
        var restarted = Printed(fixture.Hub.Output);

        Assert.Equal(DemoRegionExpectations.ExampleClient, restarted.ClientId);
        Assert.Equal(fixture.Hub.OAuthAddress + "/token", restarted.TokenEndpoint);
        Assert.Equal(new Uri(fixture.Hub.GrpcAddress).Authority, restarted.GrpcTarget);
        Assert.Equal(Path.Combine(fixture.Storage.KeyDirectory, DemoRegionExpectations.ExampleClient + ".pem"), restarted.KeyFile);
        // The restart names the same key and kid as the seeding start: nothing was generated again.
        Assert.Equal((first.ClientId, first.KeyFile, first.Kid), (restarted.ClientId, restarted.KeyFile, restarted.Kid));
        Assert.Contains("Demo region seeded: 6 organisations and 6 API clients added", fixture.FirstStartOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", fixture.FirstStartOutput + fixture.Hub.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_SeedsNothingTwice()
    {
        Assert.DoesNotContain("Demo region seeded", fixture.Hub.Output, StringComparison.Ordinal);
        var organisations = await fixture.Storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout);
        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.Oin), organisations.Select(o => o.Oin));
        var clients = await fixture.Storage.Registry.ListClientsAsync().WaitAsync(Timeout);
        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.ClientId).Order(StringComparer.Ordinal), clients.Select(c => c.ClientId));
        Assert.Equal(fixture.KeysAfterFirstStart, fixture.ReadKeys());
    }

    [Fact]
    public void KeyFiles_OnePerClient_OwnerOnly_NextToTheDatabase()
    {
        var keys = fixture.ReadKeys();
        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.ClientId + ".pem").Order(StringComparer.Ordinal), keys.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys.Values, pem => Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.Storage.KeyDirectory));
            foreach (var file in Directory.GetFiles(fixture.Storage.KeyDirectory))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task EveryDemoClient_HoldsEveryScope_AndCallsWithItsKey()
    {
        foreach (var partner in DemoRegionExpectations.Partners)
        {
            var client = (await fixture.Storage.Registry.GetClientAsync(partner.ClientId).WaitAsync(Timeout))!;
            Assert.Equal(partner.Oin, client.OrganisationOin);
            Assert.Equal(Twente.AllScopes.Order(StringComparer.Ordinal), client.AllowedScopes.Order(StringComparer.Ordinal));

            var kid = JsonDocument.Parse(client.Jwks!).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;
            var command = new PrintedTokenCommand(fixture.Hub.OAuthAddress + "/token", partner.ClientId, Path.Combine(fixture.Storage.KeyDirectory, partner.ClientId + ".pem"), kid, "");
            var (invoker, resources) = command.Connect(fixture.Hub.GrpcAddress);
            using (resources)
            {
                var self = await new DirectoryService.DirectoryServiceClient(invoker).GetPartnerAsync(new GetPartnerRequest { Oin = partner.Oin }).ResponseAsync.WaitAsync(Timeout);
                Assert.Equal(partner.Name, self.Organisation.DisplayName);
            }
        }
    }

    [Fact]
    public async Task RegistryHoldingOtherPartners_SeedsNothing()
    {
        await using var storage = await DemoStorage.CreateAsync(fixture.Provider);
        await storage.Registry.AddOrganisationAsync(new Organisation(Twente.Almelo, "Gemeente Almelo", Registry.OrganisationKind.Gemeente, "RMC39")).WaitAsync(Timeout);

        await using (var hub = await storage.StartHubAsync())
        {
            Assert.Contains("Demo region not seeded: the registry holds 1 other organisations", hub.Output, StringComparison.Ordinal);
            Assert.Null(PrintedTokenCommand.Find(hub.Output));
        }

        Assert.Equal([Twente.Almelo], (await storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout)).Select(o => o.Oin));
        Assert.Empty(await storage.Registry.ListClientsAsync().WaitAsync(Timeout));
        Assert.False(Directory.Exists(storage.KeyDirectory));
    }

    [Fact]
    public async Task SeedCutOffHalfway_IsCompletedAtNextStart_KeepingWhatIsThere()
    {
        await using var storage = await DemoStorage.CreateAsync(fixture.Provider);
        // A start that registered two demo partners and then stopped, one of them with a different service set since.
        var enschede = DemoRegionExpectations.Partners[0];
        await storage.Registry.AddOrganisationAsync(new Organisation(enschede.Oin, enschede.Name, Registry.OrganisationKind.Gemeente, "RMC38") { ReferralLeefgebieden = [Leefgebied.Zorg] }).WaitAsync(Timeout);
        var roc = DemoRegionExpectations.Partners[2];
        await storage.Registry.AddOrganisationAsync(new Organisation(roc.Oin, roc.Name, Registry.OrganisationKind.Roc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs] }).WaitAsync(Timeout);

        await using (var hub = await storage.StartHubAsync())
        {
            Assert.Contains("Demo region seeded: 4 organisations and 6 API clients added", hub.Output, StringComparison.Ordinal);
            Assert.NotNull(PrintedTokenCommand.Find(hub.Output));
        }

        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.Oin), (await storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout)).Select(o => o.Oin));
        Assert.Equal([Leefgebied.Zorg], (await storage.Registry.GetOrganisationAsync(enschede.Oin).WaitAsync(Timeout))!.ReferralLeefgebieden);
        Assert.Equal(6, (await storage.Registry.ListClientsAsync().WaitAsync(Timeout)).Count);
    }

    [Fact]
    public async Task KeyDirectoryInsideAGitWorkingTree_SeedsNothing_WritesNoKey()
    {
        await using var storage = await DemoStorage.CreateAsync(fixture.Provider);
        var repository = Path.Combine(storage.Directory, "checkout");
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        var keyDirectory = Path.Combine(repository, "keys");

        await using (var hub = await storage.StartHubAsync($"--Interop:Demo:KeyDirectory={keyDirectory}"))
        {
            Assert.Contains("inside the git working tree", hub.Output, StringComparison.Ordinal);
        }

        Assert.Empty(await storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout));
        Assert.False(Directory.Exists(keyDirectory));
    }

    [Fact]
    public async Task SeedOff_LeavesAnEmptyRegistryEmpty()
    {
        await using var storage = await DemoStorage.CreateAsync(fixture.Provider);
        await using (var hub = await storage.StartHubAsync("--Interop:Demo:SeedWhenEmpty=false"))
        {
            Assert.DoesNotContain("Demo region", hub.Output, StringComparison.Ordinal);
        }

        Assert.Empty(await storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout));
        Assert.False(Directory.Exists(storage.KeyDirectory));
    }

    [Fact]
    public async Task TwoNodesStartingTogether_SeedTheRegionOnce_KeysMatchTheRegistry()
    {
        await using var storage = await DemoStorage.CreateAsync(fixture.Provider);
        var hubs = await Task.WhenAll(storage.StartHubAsync(), storage.StartHubAsync()).WaitAsync(Timeout * 3);
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }

        Assert.Equal(DemoRegionExpectations.Partners.Select(p => p.Oin), (await storage.Registry.ListOrganisationsAsync().WaitAsync(Timeout)).Select(o => o.Oin));
        var clients = await storage.Registry.ListClientsAsync().WaitAsync(Timeout);
        Assert.Equal(DemoRegionExpectations.Partners.Length, clients.Count);
        // Whichever node registered a client, the key file on disk is the one the registry holds; no pending file is left.
        Assert.Equal(clients.Select(c => c.ClientId + ".pem").Order(StringComparer.Ordinal), Directory.GetFiles(storage.KeyDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var client in clients)
        {
            Assert.Equal(KidOf(client), KidOfKeyFile(Path.Combine(storage.KeyDirectory, client.ClientId + ".pem")));
        }
    }

    [Fact]
    public async Task KeyFiles_HoldThePrivateKeysOfTheRegisteredPublicKeys()
    {
        foreach (var client in await fixture.Storage.Registry.ListClientsAsync().WaitAsync(Timeout))
        {
            Assert.Equal(KidOf(client), KidOfKeyFile(Path.Combine(fixture.Storage.KeyDirectory, client.ClientId + ".pem")));
        }
    }

    private static string KidOf(ApiClient client) =>
        JsonDocument.Parse(client.Jwks!).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString()!;

    // The kid is the RFC 7638 thumbprint of the public key (ClientKeyMaterial.Generate).
    private static string KidOfKeyFile(string path) =>
        Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(ClientKeyMaterial.LoadPrivateKey(File.ReadAllText(path), "x").ComputeJwkThumbprint());

    private static PrintedTokenCommand Printed(string output) =>
        PrintedTokenCommand.Find(output) ?? throw new Xunit.Sdk.XunitException("The hub printed no token command:\n" + output);
}
