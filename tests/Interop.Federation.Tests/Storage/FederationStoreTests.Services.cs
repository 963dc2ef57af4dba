using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Federation.Tests.Infrastructure;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Federation.Tests.Storage;

/// <summary>What a partner takes from others: the leefgebieden it accepts referrals for and whether it takes plan handovers.</summary>
public abstract partial class FederationStoreTests<TStore>
{
    private static Organisation Gemeente(params Leefgebied[] leefgebieden) =>
        new(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23") { ReferralLeefgebieden = leefgebieden, AcceptsHandovers = true };

    [Fact]
    public async Task Organisation_WithServices_RoundTripsInAscendingOrder()
    {
        await Store.AddOrganisationAsync(Gemeente(Leefgebied.FinancienSchulden, Leefgebied.Onderwijs, Leefgebied.Wonen)).WaitAsync(Timeout);
        await Store.AddOrganisationAsync(new Organisation(Seed.RocOin, "ROC", OrganisationKind.Roc, null)).WaitAsync(Timeout);

        var expected = Gemeente(Leefgebied.Onderwijs, Leefgebied.Wonen, Leefgebied.FinancienSchulden);
        Assert.Equal(expected, await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
        // Another node reads the same, and an organisation without services reads as accepting nothing.
        Assert.Equal(
            new[] { expected, new Organisation(Seed.RocOin, "ROC", OrganisationKind.Roc, null) },
            await OpenNode().ListOrganisationsAsync().WaitAsync(Timeout));
        var roc = (await Store.GetOrganisationAsync(Seed.RocOin).WaitAsync(Timeout))!;
        Assert.Empty(roc.ReferralLeefgebieden);
        Assert.False(roc.AcceptsHandovers);
    }

    [Fact]
    public async Task Organisation_EveryLeefgebied_RoundTrips()
    {
        var all = Enum.GetValues<Leefgebied>().Where(l => l != Leefgebied.Unspecified).ToArray();
        await Store.AddOrganisationAsync(Gemeente(all.Reverse().ToArray())).WaitAsync(Timeout);
        Assert.Equal(all, (await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout))!.ReferralLeefgebieden);
    }

    [Fact]
    public async Task Organisation_BadLeefgebieden_ListsEveryProblem_StoresNothing()
    {
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            Store.AddOrganisationAsync(Gemeente(Leefgebied.Unspecified, (Leefgebied)42, Leefgebied.Zorg, Leefgebied.Zorg)).WaitAsync(Timeout));

        Assert.Equal(3, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("'zorg' is listed more than once", StringComparison.Ordinal));
        Assert.Equal(2, ex.Errors.Count(e => e.Contains("is not one of", StringComparison.Ordinal)));
        Assert.Null(await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Organisation_DuplicateOinWithServices_Refused_FirstKept()
    {
        await Store.AddOrganisationAsync(Gemeente(Leefgebied.Zorg)).WaitAsync(Timeout);
        await Assert.ThrowsAsync<PartnerRegistryException>(() => Store.AddOrganisationAsync(Gemeente(Leefgebied.Wonen)).WaitAsync(Timeout));
        Assert.Equal(Gemeente(Leefgebied.Zorg), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
    }

    [Fact]
    public async Task UpdateServices_ReplacesBoth_LeavesOthersAlone()
    {
        await Store.AddOrganisationAsync(Gemeente(Leefgebied.Zorg)).WaitAsync(Timeout);
        var roc = new Organisation(Seed.RocOin, "ROC", OrganisationKind.Roc, null) { ReferralLeefgebieden = [Leefgebied.Onderwijs] };
        await Store.AddOrganisationAsync(roc).WaitAsync(Timeout);

        Assert.True(await Store.UpdateOrganisationServicesAsync(Seed.GemeenteOin, [Leefgebied.Wonen, Leefgebied.Onderwijs], false).WaitAsync(Timeout));
        Assert.Equal(
            Gemeente(Leefgebied.Onderwijs, Leefgebied.Wonen) with { AcceptsHandovers = false },
            await OpenNode().GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));

        Assert.True(await Store.UpdateOrganisationServicesAsync(Seed.GemeenteOin, [], true).WaitAsync(Timeout));
        Assert.Equal(Gemeente(), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
        Assert.Equal(roc, await Store.GetOrganisationAsync(Seed.RocOin).WaitAsync(Timeout));
    }

    [Fact]
    public async Task UpdateServices_UnknownOrganisation_ReturnsFalse_WritesNothing()
    {
        Assert.False(await Store.UpdateOrganisationServicesAsync("00000001000000000000", [Leefgebied.Zorg], true).WaitAsync(Timeout));
        Assert.Empty(await Store.ListOrganisationsAsync().WaitAsync(Timeout));
        // The leefgebied rows reference the organisation: none may be left behind for an OIN registered later.
        await Store.AddOrganisationAsync(new Organisation("00000001000000000000", "Later", OrganisationKind.Gemeente, null)).WaitAsync(Timeout);
        Assert.Empty((await Store.GetOrganisationAsync("00000001000000000000").WaitAsync(Timeout))!.ReferralLeefgebieden);
    }

    [Fact]
    public async Task UpdateServices_BadLeefgebieden_Refused_NothingChanged()
    {
        await Store.AddOrganisationAsync(Gemeente(Leefgebied.Zorg)).WaitAsync(Timeout);
        var ex = await Assert.ThrowsAsync<PartnerRegistryException>(() =>
            Store.UpdateOrganisationServicesAsync(Seed.GemeenteOin, [Leefgebied.Wonen, Leefgebied.Wonen, Leefgebied.Unspecified], false).WaitAsync(Timeout));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(Gemeente(Leefgebied.Zorg), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
        await Assert.ThrowsAsync<PartnerRegistryException>(() => Store.UpdateOrganisationServicesAsync(Seed.GemeenteOin, null!, false).WaitAsync(Timeout));
    }

    [Fact]
    public async Task UpdateServices_NodesAtOnce_EndInOneCompleteState()
    {
        await Store.AddOrganisationAsync(Gemeente(Leefgebied.Zorg)).WaitAsync(Timeout);
        Leefgebied[][] states =
        [
            [Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen],
            [Leefgebied.Wonen],
            [Leefgebied.Veiligheid, Leefgebied.NetwerkEnVrijeTijd, Leefgebied.FinancienSchulden],
        ];
        var nodes = states.Select(_ => OpenNode()).ToList();
        using var start = new Barrier(nodes.Count);
        var results = await Task.WhenAll(nodes.Select((node, i) => Task.Run(() =>
        {
            Assert.True(start.SignalAndWait(Timeout));
            return node.UpdateOrganisationServicesAsync(Seed.GemeenteOin, states[i], i % 2 == 0);
        }))).WaitAsync(Timeout);

        Assert.All(results, Assert.True);
        var final = (await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout))!;
        // One writer's complete state, never a mix of two.
        var winner = Array.FindIndex(states, s => s.SequenceEqual(final.ReferralLeefgebieden));
        Assert.True(winner >= 0, "Mixed state: " + string.Join(",", final.ReferralLeefgebieden));
        Assert.Equal(winner % 2 == 0, final.AcceptsHandovers);
    }

    [Fact]
    public async Task Migration_FromVersionOne_KeepsOrganisations_AcceptingNothing()
    {
        // A registry created before 0002: its organisations read back accepting no referrals and no handovers.
        await ExecuteAsync("CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)").WaitAsync(Timeout);
        await ExecuteAsync(ScriptSql(1)).WaitAsync(Timeout);
        await ExecuteAsync($"INSERT INTO schema_version (version, name, applied_at) VALUES (1, '{Scripts[0].Name}', 0)").WaitAsync(Timeout);
        await ExecuteAsync($"INSERT INTO organisation (oin, name, kind, rmc_region, created_at) VALUES ('{Seed.GemeenteOin}', 'Gemeente Utrecht', 'gemeente', 'RMC23', 0)").WaitAsync(Timeout);

        Assert.Equal(new Organisation(Seed.GemeenteOin, "Gemeente Utrecht", OrganisationKind.Gemeente, "RMC23"), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
        Assert.Equal(Scripts[^1].Version, await GetSchemaVersionAsync(Store).WaitAsync(Timeout));
        Assert.True(await Store.UpdateOrganisationServicesAsync(Seed.GemeenteOin, [Leefgebied.Zorg], true).WaitAsync(Timeout));
        Assert.Equal(Gemeente(Leefgebied.Zorg), await Store.GetOrganisationAsync(Seed.GemeenteOin).WaitAsync(Timeout));
    }

    [Fact]
    public void Organisation_Equality_ComparesLeefgebiedenByValue()
    {
        Assert.Equal(Gemeente(Leefgebied.Zorg, Leefgebied.Wonen), Gemeente(Leefgebied.Zorg, Leefgebied.Wonen));
        Assert.Equal(Gemeente(Leefgebied.Zorg, Leefgebied.Wonen).GetHashCode(), Gemeente(Leefgebied.Zorg, Leefgebied.Wonen).GetHashCode());
        Assert.NotEqual(Gemeente(Leefgebied.Zorg), Gemeente(Leefgebied.Wonen));
        Assert.NotEqual(Gemeente(Leefgebied.Zorg), Gemeente(Leefgebied.Zorg) with { AcceptsHandovers = false });
        Assert.NotEqual(Gemeente(Leefgebied.Zorg), Gemeente(Leefgebied.Zorg) with { Enabled = false });
    }
}
