using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>Who may read and change a referral, and the change requests' field checks.</summary>
public abstract class ReferralAccessTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task OtherOrganisation_NotFound_ForEveryCall()
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var hengelo = await ClientAsync(Twente.Hengelo);

        await FailsAsync(StatusCode.NotFound, () => hengelo.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync);
        foreach (var action in new[] { "accept", "decline", "withdraw", "complete" })
        {
            await FailsAsync(StatusCode.NotFound, () => ActAsync(action, submitted.ReferralId, 1, Twente.Hengelo));
        }

        await FailsAsync(StatusCode.NotFound, () => hengelo.GetReferralAsync(new GetReferralRequest { ReferralId = Guid.NewGuid().ToString("D") }).ResponseAsync);
        var list = await hengelo.ListReceivedReferralsAsync(new ListReceivedReferralsRequest()).ResponseAsync.WaitAsync(Timeout);
        Assert.DoesNotContain(list.Referrals, r => r.ReferralId == submitted.ReferralId);
    }

    [Fact]
    public async Task OtherPartysAction_PermissionDenied()
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));

        await FailsAsync(StatusCode.PermissionDenied, () => ActAsync("accept", submitted.ReferralId, 1, Twente.RocVanTwente));
        await FailsAsync(StatusCode.PermissionDenied, () => ActAsync("decline", submitted.ReferralId, 1, Twente.RocVanTwente));
        await FailsAsync(StatusCode.PermissionDenied, () => ActAsync("withdraw", submitted.ReferralId, 1, Receiver));
        await BringToAsync(submitted, ReferralStatus.Accepted);
        await FailsAsync(StatusCode.PermissionDenied, () => ActAsync("complete", submitted.ReferralId, 2, Twente.RocVanTwente));
    }

    [Fact]
    public async Task ChangeRequests_BadFields_AllListed()
    {
        var enschede = await ClientAsync(Receiver);

        var decline = await FailsAsync(StatusCode.InvalidArgument, () => enschede.DeclineReferralAsync(new DeclineReferralRequest
        {
            ReferralId = "NOT-A-UUID",
            ExpectedVersion = 0,
            Reason = new DeclineReason { Code = DeclineReasonCode.Other },
        }).ResponseAsync);
        AssertViolations(decline, "expected_version", "reason.explanation", "referral_id");

        var complete = await FailsAsync(StatusCode.InvalidArgument, () => enschede.CompleteReferralAsync(new CompleteReferralRequest
        {
            ReferralId = Guid.NewGuid().ToString("D").ToUpperInvariant(),
            ExpectedVersion = -1,
            Outcome = new ReferralOutcome { Code = (ReferralOutcomeCode)42, Summary = new string('x', 4001), EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(2)) },
        }).ResponseAsync);
        AssertViolations(complete, "expected_version", "outcome.code", "outcome.end_time", "outcome.summary", "referral_id");

        var missing = await FailsAsync(StatusCode.InvalidArgument, () => enschede.DeclineReferralAsync(new DeclineReferralRequest()).ResponseAsync);
        AssertViolations(missing, "expected_version", "reason", "referral_id");
        var noOutcome = await FailsAsync(StatusCode.InvalidArgument, () => enschede.CompleteReferralAsync(new CompleteReferralRequest { ReferralId = Guid.NewGuid().ToString("D"), ExpectedVersion = 1 }).ResponseAsync);
        AssertViolations(noOutcome, "outcome");
        var longWithdraw = await FailsAsync(StatusCode.InvalidArgument, () => enschede.WithdrawReferralAsync(new WithdrawReferralRequest { ReferralId = Guid.NewGuid().ToString("D"), ExpectedVersion = 1, Reason = new string('x', 2001) }).ResponseAsync);
        AssertViolations(longWithdraw, "reason");
    }
}
