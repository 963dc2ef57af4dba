using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

public abstract partial class PlanHandoverTests<TFixture>
{
    [Fact]
    public async Task AcceptHandover_Twice_FailedPreconditionAndDeclineAfterwardsToo()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);
        var accepted = await AcceptAsync(Twente.Enschede, offer);
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var again = await RefusedAsync(() => AcceptAsync(Twente.Enschede, offer));
        var againAtNewVersion = await RefusedAsync(() => AcceptAsync(Twente.Enschede, accepted));
        var decline = await RefusedAsync(() => DeclineAsync(Twente.Enschede, new DeclineHandoverRequest { HandoverId = offer.HandoverId, ExpectedVersion = 2, Reason = "Toch niet." }));

        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, againAtNewVersion.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, decline.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task DecideHandover_ByThirdOrganisationNotFound_ByOffererPermissionDenied_NothingWritten()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var thirdAccepts = await RefusedAsync(() => AcceptAsync(Twente.Hengelo, offer));
        var thirdDeclines = await RefusedAsync(() => DeclineAsync(Twente.Hengelo, new DeclineHandoverRequest { HandoverId = offer.HandoverId, ExpectedVersion = 1, Reason = "Nee." }));
        var offererAccepts = await RefusedAsync(() => AcceptAsync(Twente.Jeugdhulp, offer));
        var unknown = await RefusedAsync(() => AcceptAsync(Twente.Enschede, new Handover { HandoverId = Guid.NewGuid().ToString("D"), Version = 1 }));

        Assert.Equal(StatusCode.NotFound, thirdAccepts.StatusCode);
        Assert.Equal(StatusCode.NotFound, thirdDeclines.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, offererAccepts.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task DecideHandover_StaleOrFutureVersion_Aborted()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);

        var accept = await RefusedAsync(() => AcceptAsync(Twente.Enschede, new AcceptHandoverRequest { HandoverId = offer.HandoverId, ExpectedVersion = 2, Regisseur = new Regisseur { Team = "Wmo" } }));
        var decline = await RefusedAsync(() => DeclineAsync(Twente.Enschede, new DeclineHandoverRequest { HandoverId = offer.HandoverId, ExpectedVersion = 3, Reason = "Nee." }));

        Assert.Equal(StatusCode.Aborted, accept.StatusCode);
        Assert.Equal(StatusCode.Aborted, decline.StatusCode);
        Assert.Equal(HandoverStatus.Accepted, (await AcceptAsync(Twente.Enschede, offer)).Status);
    }

    [Fact]
    public async Task DecideHandover_EveryBadField_ListedAtOnce()
    {
        var accept = await RefusedAsync(() => AcceptAsync(Twente.Enschede, new AcceptHandoverRequest { HandoverId = "x", ExpectedVersion = 0 }));
        var acceptBadRegisseur = await RefusedAsync(() => AcceptAsync(Twente.Enschede, new AcceptHandoverRequest
        {
            HandoverId = Guid.NewGuid().ToString("D"), ExpectedVersion = 1, Regisseur = new Regisseur { Team = new string('t', 201), ContactEmailAddress = "a@b" },
        }));
        var decline = await RefusedAsync(() => DeclineAsync(Twente.Enschede, new DeclineHandoverRequest { HandoverId = "", ExpectedVersion = -1, Reason = " " }));

        Assert.Equal(["expected_version", "handover_id", "regisseur"], RpcErrorDetails.GetBadRequest(accept).FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(["regisseur.contact_email_address", "regisseur.team"], RpcErrorDetails.GetBadRequest(acceptBadRegisseur).FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(["expected_version", "handover_id", "reason"], RpcErrorDetails.GetBadRequest(decline).FieldViolations.Select(v => v.Field).Order());
    }
}
