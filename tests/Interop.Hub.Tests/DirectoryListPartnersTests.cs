using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using Registry = Interop.Federation.Registry;

namespace Interop.Hub.Tests;

/// <summary>DirectoryService.ListPartners end to end: generated client, real HTTP/2, real tokens, the real hub.</summary>
[Collection(DirectoryHubCollection.Name)]
public sealed class DirectoryListPartnersTests(DirectoryHubFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private DirectoryService.DirectoryServiceClient Client => new(fixture.Reader.CallInvoker);

    [Fact]
    public async Task ListPartners_NoFilters_ReturnsEnabledPartnersWithKindAndRegion()
    {
        var response = await Client.ListPartnersAsync(new ListPartnersRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(fixture.Enabled.Select(o => o.Oin), response.Partners.Select(p => p.Organisation.Oin));
        Assert.DoesNotContain(response.Partners, p => p.Organisation.Oin == DirectoryHubFixture.DisabledOin);
        Assert.Empty(response.Page.NextPageToken);
        var roc = Assert.Single(response.Partners, p => p.Organisation.Oin == "00000001823288444000");
        Assert.Equal("ROC van Twente", roc.Organisation.DisplayName);
        Assert.Equal(OrganisationKind.Roc, roc.Organisation.Kind);
        Assert.Equal("RMC38", roc.RmcRegion);
        Assert.Equal("", Assert.Single(response.Partners, p => p.Organisation.Oin == "00000009000000000101").RmcRegion);
    }

    [Fact]
    public async Task ListPartners_EveryRegistryKind_MapsToContractKindOfSameName()
    {
        var response = await Client.ListPartnersAsync(new ListPartnersRequest()).ResponseAsync.WaitAsync(Timeout);

        // The fixture registers a partner of every registry kind; the contract names its kinds the same way.
        foreach (var kind in Enum.GetValues<Registry.OrganisationKind>())
        {
            var expected = Enum.Parse<OrganisationKind>(kind.ToString());
            var oins = fixture.Enabled.Where(o => o.Kind == kind).Select(o => o.Oin).ToList();
            Assert.NotEmpty(oins);
            Assert.All(response.Partners.Where(p => oins.Contains(p.Organisation.Oin)), p => Assert.Equal(expected, p.Organisation.Kind));
        }
    }

    [Fact]
    public async Task ListPartners_FilterByEveryKind_ReturnsOnlyThatKind()
    {
        foreach (var kind in Enum.GetValues<Registry.OrganisationKind>())
        {
            var contractKind = Enum.Parse<OrganisationKind>(kind.ToString());
            var response = await Client.ListPartnersAsync(new ListPartnersRequest { Kind = contractKind }).ResponseAsync.WaitAsync(Timeout);

            Assert.Equal(fixture.Enabled.Where(o => o.Kind == kind).Select(o => o.Oin), response.Partners.Select(p => p.Organisation.Oin));
        }
    }

    [Fact]
    public async Task ListPartners_KindAndRegion_CombineWithAnd()
    {
        var response = await Client.ListPartnersAsync(new ListPartnersRequest { Kind = OrganisationKind.Gemeente, RmcRegion = "RMC38" })
            .ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(["00000001001234567000", "00000001001234568000"], response.Partners.Select(p => p.Organisation.Oin));
    }

    [Fact]
    public async Task ListPartners_ReferralLeefgebied_ReturnsEnabledPartnersAcceptingIt()
    {
        var response = await Client.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = Leefgebied.Zorg }).ResponseAsync.WaitAsync(Timeout);

        // Gemeente Enschede and Mediant accept zorg; the disabled partner does too but takes no part.
        Assert.Equal(["00000001001234567000", "00000009000000000101"], response.Partners.Select(p => p.Organisation.Oin));
        Assert.Equal([Leefgebied.WerkEnInkomen, Leefgebied.Zorg], response.Partners[0].ReferralLeefgebieden);
        Assert.True(response.Partners[0].AcceptsHandovers);
        Assert.Empty((await Client.ListPartnersAsync(new ListPartnersRequest { ReferralLeefgebied = Leefgebied.Veiligheid }).ResponseAsync.WaitAsync(Timeout)).Partners);
    }

    [Fact]
    public async Task ListPartners_PageSizeTwo_ReturnsEachPartnerExactlyOnceInOrder()
    {
        var seen = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var response = await Client.ListPartnersAsync(new ListPartnersRequest { Page = new PageRequest { PageSize = 2, PageToken = token } })
                .ResponseAsync.WaitAsync(Timeout);
            Assert.InRange(response.Partners.Count, 1, 2);
            seen.AddRange(response.Partners.Select(p => p.Organisation.Oin));
            token = response.Page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);

        Assert.Equal((fixture.Enabled.Count + 1) / 2, pages);
        Assert.Equal(fixture.Enabled.Select(o => o.Oin), seen);
    }

    [Fact]
    public async Task ListPartners_TokenWithOtherFilters_InvalidArgument()
    {
        var first = await Client.ListPartnersAsync(new ListPartnersRequest { Page = new PageRequest { PageSize = 1 } }).ResponseAsync.WaitAsync(Timeout);
        Assert.NotEmpty(first.Page.NextPageToken);

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListPartnersAsync(new ListPartnersRequest
        {
            Kind = OrganisationKind.Roc,
            Page = new PageRequest { PageSize = 1, PageToken = first.Page.NextPageToken },
        }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page.page_token", Assert.Single(RpcErrorDetails.GetBadRequest(ex).FieldViolations).Field);
    }

    [Fact]
    public async Task ListPartners_SeveralBadFields_BadRequestListsEveryOne()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ListPartnersAsync(new ListPartnersRequest
        {
            Kind = (OrganisationKind)99,
            RmcRegion = "RMC 38!",
            ReferralLeefgebied = (Leefgebied)42,
            Page = new PageRequest { PageSize = -1, PageToken = "not-a-token" },
        }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal);
        Assert.Equal(["kind", "page.page_size", "page.page_token", "referral_leefgebied", "rmc_region"], fields);
    }
}
