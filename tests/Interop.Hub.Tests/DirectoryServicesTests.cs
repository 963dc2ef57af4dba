using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using Registry = Interop.Federation.Registry;

namespace Interop.Hub.Tests;

/// <summary>
/// The Directory's referral leefgebieden and plan handovers, as the registry holds them, on both providers: what each
/// partner accepts, the referral_leefgebied filter with the others and with paging, and changes made in the registry.
/// </summary>
public abstract class DirectoryServicesTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ListPartners_EveryPartner_CarriesItsLeefgebiedenAndHandovers()
    {
        var directory = await DirectoryAsync();
        var response = await directory.ListPartnersAsync(new ListPartnersRequest { Page = new PageRequest { PageSize = 500 } }).ResponseAsync.WaitAsync(Timeout);

        foreach (var expected in Twente.Partners)
        {
            var partner = Assert.Single(response.Partners, p => p.Organisation.Oin == expected.Oin);
            Assert.Equal(expected.ReferralLeefgebieden.Order(), partner.ReferralLeefgebieden);
            Assert.Equal(expected.AcceptsHandovers, partner.AcceptsHandovers);
        }
    }

    [Fact]
    public async Task ListPartners_EveryLeefgebied_FilterCombinesWithRegionAndKind()
    {
        var directory = await DirectoryAsync();
        foreach (var leefgebied in Enum.GetValues<Leefgebied>().Where(l => l != Leefgebied.Unspecified))
        {
            var inRegion = await directory.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = leefgebied, RmcRegion = "RMC38" }).ResponseAsync.WaitAsync(Timeout);
            Assert.Equal(
                Twente.Partners.Where(p => p.RmcRegion == "RMC38" && p.ReferralLeefgebieden.Contains(leefgebied)).Select(p => p.Oin).Order(StringComparer.Ordinal),
                inRegion.Partners.Select(p => p.Organisation.Oin).Where(Twente.Partners.Select(p => p.Oin).Contains));

            var gemeenten = await directory.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = leefgebied, Kind = OrganisationKind.Gemeente }).ResponseAsync.WaitAsync(Timeout);
            Assert.All(gemeenten.Partners, p => Assert.Contains(leefgebied, p.ReferralLeefgebieden));
            Assert.All(gemeenten.Partners, p => Assert.Equal(OrganisationKind.Gemeente, p.Organisation.Kind));
        }
    }

    [Fact]
    public async Task ListPartners_LeefgebiedFilter_PagesThroughEachMatchOnce_TokenBoundToFilter()
    {
        var directory = await DirectoryAsync();
        var seen = new List<string>();
        var token = "";
        string? firstToken = null;
        do
        {
            var page = await directory.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = Leefgebied.Zorg, Page = new PageRequest { PageSize = 1, PageToken = token } })
                .ResponseAsync.WaitAsync(Timeout);
            seen.AddRange(page.Partners.Select(p => p.Organisation.Oin));
            token = page.Page.NextPageToken;
            firstToken ??= token;
        }
        while (token.Length > 0 && seen.Count < 100);

        Assert.Equal(Twente.Partners.Where(p => p.ReferralLeefgebieden.Contains(Leefgebied.Zorg)).Select(p => p.Oin).Order(StringComparer.Ordinal), seen.Where(Twente.Partners.Select(p => p.Oin).Contains));
        Assert.Equal(seen.Distinct().Count(), seen.Count);

        var ex = await Assert.ThrowsAsync<RpcException>(() => directory.ListPartnersAsync(new ListPartnersRequest
        {
            ReferralLeefgebied = Leefgebied.Wonen,
            Page = new PageRequest { PageSize = 1, PageToken = firstToken },
        }).ResponseAsync.WaitAsync(Timeout));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page.page_token", Assert.Single(RpcErrorDetails.GetBadRequest(ex).FieldViolations).Field);
    }

    [Fact]
    public async Task RegistryChange_ShowsInTheDirectory()
    {
        var directory = await DirectoryAsync();
        var oin = "00000003" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await fixture.Hub.Registry.AddOrganisationAsync(new Registry.Organisation(oin, "Woonstichting", Registry.OrganisationKind.Woningcorporatie, "RMC38")).WaitAsync(Timeout);
        var before = await directory.GetPartnerAsync(new GetPartnerRequest { Oin = oin }).ResponseAsync.WaitAsync(Timeout);
        Assert.Empty(before.ReferralLeefgebieden);
        Assert.False(before.AcceptsHandovers);

        Assert.True(await fixture.Hub.Registry.UpdateOrganisationServicesAsync(oin, [Leefgebied.Wonen, Leefgebied.FinancienSchulden], true).WaitAsync(Timeout));

        var after = await directory.GetPartnerAsync(new GetPartnerRequest { Oin = oin }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([Leefgebied.Wonen, Leefgebied.FinancienSchulden], after.ReferralLeefgebieden);
        Assert.True(after.AcceptsHandovers);
        var wonen = await directory.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = Leefgebied.Wonen, Kind = OrganisationKind.Woningcorporatie }).ResponseAsync.WaitAsync(Timeout);
        Assert.Contains(wonen.Partners, p => p.Organisation.Oin == oin);
    }

    private async Task<DirectoryService.DirectoryServiceClient> DirectoryAsync() =>
        new((await fixture.ClientAsync(Twente.Enschede).WaitAsync(Timeout)).CallInvoker);
}
