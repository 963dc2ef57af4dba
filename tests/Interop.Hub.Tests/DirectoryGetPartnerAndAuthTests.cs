using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests;

/// <summary>DirectoryService.GetPartner, and the directory.read scope on both methods, end to end.</summary>
[Collection(DirectoryHubCollection.Name)]
public sealed class DirectoryGetPartnerAndAuthTests(DirectoryHubFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private DirectoryService.DirectoryServiceClient Client => new(fixture.Reader.CallInvoker);

    [Fact]
    public async Task GetPartner_Registered_ReturnsPartner()
    {
        var partner = await Client.GetPartnerAsync(new GetPartnerRequest { Oin = "00000009000000000102" }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal("00000009000000000102", partner.Organisation.Oin);
        Assert.Equal("Jeugdhulp Twente", partner.Organisation.DisplayName);
        Assert.Equal(OrganisationKind.Jeugdhulp, partner.Organisation.Kind);
        Assert.Equal("RMC38", partner.RmcRegion);
        Assert.Empty(partner.ReferralLeefgebieden);
        Assert.False(partner.AcceptsHandovers);
    }

    [Fact]
    public async Task GetPartner_WithServices_ReturnsLeefgebiedenAndHandovers()
    {
        var partner = await Client.GetPartnerAsync(new GetPartnerRequest { Oin = "00000009000000000101" }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal([Leefgebied.Zorg], partner.ReferralLeefgebieden);
        Assert.True(partner.AcceptsHandovers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    [InlineData("0000000100123456700X")]
    [InlineData("12345678001234567000")]
    public async Task GetPartner_MalformedOin_InvalidArgumentWithBadRequestNamingOin(string oin)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.GetPartnerAsync(new GetPartnerRequest { Oin = oin }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violation = Assert.Single(RpcErrorDetails.GetBadRequest(ex).FieldViolations);
        Assert.Equal("oin", violation.Field);
        Assert.NotEmpty(violation.Description);
    }

    [Theory]
    [InlineData("00000001999999999000")]
    [InlineData(DirectoryHubFixture.DisabledOin)]
    public async Task GetPartner_UnknownOrDisabled_NotFound(string oin)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.GetPartnerAsync(new GetPartnerRequest { Oin = oin }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Directory_NoToken_Unauthenticated()
    {
        var client = new DirectoryService.DirectoryServiceClient(fixture.Anonymous);

        var list = await Assert.ThrowsAsync<RpcException>(() => client.ListPartnersAsync(new ListPartnersRequest()).ResponseAsync.WaitAsync(Timeout));
        var get = await Assert.ThrowsAsync<RpcException>(() => client.GetPartnerAsync(new GetPartnerRequest { Oin = DirectoryHubFixture.CallerOin }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.Unauthenticated, list.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, get.StatusCode);
    }

    [Fact]
    public async Task Directory_TokenWithoutDirectoryRead_PermissionDenied()
    {
        var client = new DirectoryService.DirectoryServiceClient(fixture.StatusOnly.CallInvoker);

        var list = await Assert.ThrowsAsync<RpcException>(() => client.ListPartnersAsync(new ListPartnersRequest()).ResponseAsync.WaitAsync(Timeout));
        var get = await Assert.ThrowsAsync<RpcException>(() => client.GetPartnerAsync(new GetPartnerRequest { Oin = DirectoryHubFixture.CallerOin }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, get.StatusCode);
    }
}
