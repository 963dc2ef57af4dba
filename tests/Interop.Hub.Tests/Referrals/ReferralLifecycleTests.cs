using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>The referral lifecycle end to end: the closed loop, who may do what, illegal transitions, stale versions.</summary>
public abstract class ReferralLifecycleTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task ClosedLoop_RocReferralAcceptedAndCompletedByEnschede_OutcomeReachesRoc()
    {
        var bsn = TestBsn.Next();
        var roc = await ClientAsync(Twente.RocVanTwente);
        var enschede = await ClientAsync(Twente.Enschede);

        // The jongere consents (recorded by the ROC) that Enschede receives zorg data.
                var consentId = await RegisterZorgConsentAsync(bsn, Twente.Enschede);
        var request = NewRequest(bsn, Twente.Enschede, Leefgebied.Zorg);
        request.Purpose = new Purpose { Code = ReferralTestData.ZorgPurposeCode };
        request.LegalBasis = new LegalBasis { ConsentId = consentId };

        var submitted = await SubmitAsync(request);
        Assert.Equal(ReferralStatus.Submitted, submitted.Status);
        Assert.Equal(1, submitted.Version);
        Assert.Equal(Twente.RocVanTwente, submitted.Sender.Oin);
        Assert.Equal("ROC van Twente", submitted.Sender.DisplayName);
        Assert.Equal(Twente.Enschede, submitted.Receiver.Oin);
        Assert.Equal(OrganisationKind.Gemeente, submitted.Receiver.Kind);
        Assert.Equal(bsn, submitted.Subject.Bsn);
        Assert.NotEmpty(submitted.Subject.SubjectRef);
        Assert.Equal(consentId, submitted.LegalBasis.ConsentId);
        Assert.Equal(1, await ReferralDatabase.CountAsync(Fixture.Hub, $"SELECT COUNT(*) FROM consent_disclosure WHERE consent_id = '{consentId}' AND recipient_oin = '{Twente.Enschede}'"));
        Assert.Equal("ROC-2026-0042", submitted.SenderReference);
        Assert.NotNull(submitted.SubmitTime);
        Assert.Null(submitted.DecideTime);

        // The receiver finds it, with its own subject_ref for the jongere and the BSN it needs to act.
        var received = await enschede.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(bsn, received.Subject.Bsn);
        Assert.NotEqual(submitted.Subject.SubjectRef, received.Subject.SubjectRef);
        Assert.Equal("Sanne", received.Person.GivenName);
        Assert.Equal(submitted.Reason, received.Reason);

        var plannedStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(3));
        var accepted = await enschede.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = submitted.ReferralId, ExpectedVersion = 1, PlannedStartTime = plannedStart }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(ReferralStatus.Accepted, accepted.Status);
        Assert.Equal(2, accepted.Version);
        Assert.Equal(plannedStart, accepted.PlannedStartTime);
        Assert.NotNull(accepted.DecideTime);
        Assert.Equal(received.Subject.SubjectRef, accepted.Subject.SubjectRef);

        var outcome = new ReferralOutcome { Code = ReferralOutcomeCode.GoalsReached, Summary = "Weekly sessions; attends school again." };
        var completed = await enschede.CompleteReferralAsync(new CompleteReferralRequest { ReferralId = submitted.ReferralId, ExpectedVersion = 2, Outcome = outcome }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(ReferralStatus.Completed, completed.Status);
        Assert.Equal(3, completed.Version);
        Assert.NotNull(completed.CloseTime);
        Assert.NotNull(completed.Outcome.EndTime);

        // The loop closes: the sender reads the outcome, in GetReferral and in its sent list.
        var back = await roc.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(ReferralStatus.Completed, back.Status);
        Assert.Equal(ReferralOutcomeCode.GoalsReached, back.Outcome.Code);
        Assert.Equal(outcome.Summary, back.Outcome.Summary);
        Assert.Equal("ROC-2026-0042", back.SenderReference);
        Assert.Equal(submitted.Subject.SubjectRef, back.Subject.SubjectRef);
        var sent = await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = new ReferralFilter { Subject = new Subject { Bsn = bsn }, Leefgebieden = { Leefgebied.Zorg } } }).ResponseAsync.WaitAsync(Timeout);
        var listed = Assert.Single(sent.Referrals);
        Assert.Equal(submitted.ReferralId, listed.ReferralId);
        Assert.Equal(ReferralStatus.Completed, listed.Status);
        Assert.Equal(outcome.Summary, listed.Outcome.Summary);

        // Events: the receiver was told of the referral, the sender of each change, each with its own subject_ref.
        var toEnschede = (await ReferralDatabase.EventsForAsync(Fixture.Hub, Twente.Enschede)).Where(e => e.ReferralReceived?.ReferralId == submitted.ReferralId).ToList();
        var receivedEvent = Assert.Single(toEnschede);
        Assert.Equal(received.Subject.SubjectRef, receivedEvent.SubjectRef);
        Assert.Equal(Twente.RocVanTwente, receivedEvent.ReferralReceived.Sender.Oin);
        Assert.Equal([Leefgebied.Zorg], receivedEvent.ReferralReceived.Leefgebieden);
        Assert.Equal(Urgency.Regular, receivedEvent.ReferralReceived.Urgency);
        var toRoc = (await ReferralDatabase.EventsForAsync(Fixture.Hub, Twente.RocVanTwente)).Where(e => e.ReferralChanged?.ReferralId == submitted.ReferralId).ToList();
        Assert.Equal([(ReferralStatus.Accepted, 2L), (ReferralStatus.Completed, 3L)], toRoc.Select(e => (e.ReferralChanged.Status, e.ReferralChanged.Version)));
        Assert.All(toRoc, e =>
        {
            Assert.Equal(submitted.Subject.SubjectRef, e.SubjectRef);
            Assert.Equal(Twente.Enschede, e.ReferralChanged.ChangedBy.Oin);
        });
    }

    [Fact]
    public async Task Decline_ByReceiver_SenderReadsReasonAndIsNotified()
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var enschede = await ClientAsync(Receiver);

        var declined = await enschede.DeclineReferralAsync(new DeclineReferralRequest
        {
            ReferralId = submitted.ReferralId,
            ExpectedVersion = 1,
            Reason = new DeclineReason { Code = DeclineReasonCode.Other, Explanation = "Wijkteam Noord already supports the family." },
        }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(ReferralStatus.Declined, declined.Status);
        Assert.NotNull(declined.DecideTime);
        var back = await (await ClientAsync(Twente.RocVanTwente)).GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(DeclineReasonCode.Other, back.DeclineReason.Code);
        Assert.Equal("Wijkteam Noord already supports the family.", back.DeclineReason.Explanation);
        var changed = Assert.Single(await ReferralDatabase.EventsForAsync(Fixture.Hub, Twente.RocVanTwente), e => e.ReferralChanged?.ReferralId == submitted.ReferralId);
        Assert.Equal(ReferralStatus.Declined, changed.ReferralChanged.Status);
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted)]
    [InlineData(ReferralStatus.Accepted)]
    public async Task Withdraw_BySender_FromSubmittedOrAccepted_ReceiverIsNotified(ReferralStatus from)
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var version = await BringToAsync(submitted, from);

        var withdrawn = await (await ClientAsync(Twente.RocVanTwente)).WithdrawReferralAsync(new WithdrawReferralRequest
        {
            ReferralId = submitted.ReferralId, ExpectedVersion = version, Reason = "Help was arranged through the student's GP.",
        }).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(ReferralStatus.Withdrawn, withdrawn.Status);
        Assert.Equal(version + 1, withdrawn.Version);
        Assert.NotNull(withdrawn.CloseTime);
        var seen = await (await ClientAsync(Receiver)).GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal("Help was arranged through the student's GP.", seen.WithdrawReason);
        var changed = Assert.Single(await ReferralDatabase.EventsForAsync(Fixture.Hub, Receiver), e => e.ReferralChanged?.ReferralId == submitted.ReferralId);
        Assert.Equal(ReferralStatus.Withdrawn, changed.ReferralChanged.Status);
        Assert.Equal(Twente.RocVanTwente, changed.ReferralChanged.ChangedBy.Oin);
        Assert.Equal(seen.Subject.SubjectRef, changed.SubjectRef);
    }

    [Theory]
    [InlineData(ReferralStatus.Submitted, "complete")]
    [InlineData(ReferralStatus.Accepted, "accept")]
    [InlineData(ReferralStatus.Accepted, "decline")]
    [InlineData(ReferralStatus.Declined, "accept")]
    [InlineData(ReferralStatus.Declined, "decline")]
    [InlineData(ReferralStatus.Declined, "withdraw")]
    [InlineData(ReferralStatus.Declined, "complete")]
    [InlineData(ReferralStatus.Withdrawn, "accept")]
    [InlineData(ReferralStatus.Withdrawn, "decline")]
    [InlineData(ReferralStatus.Withdrawn, "withdraw")]
    [InlineData(ReferralStatus.Withdrawn, "complete")]
    [InlineData(ReferralStatus.Completed, "accept")]
    [InlineData(ReferralStatus.Completed, "decline")]
    [InlineData(ReferralStatus.Completed, "withdraw")]
    [InlineData(ReferralStatus.Completed, "complete")]
    public async Task IllegalTransition_FailedPrecondition_NothingChanged(ReferralStatus from, string action)
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var version = await BringToAsync(submitted, from);
        var events = await EventCountAsync();

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => ActAsync(action, submitted.ReferralId, version));

        Assert.Equal("REFERRAL_STATUS", PreconditionType(ex));
        var after = await (await ClientAsync(Twente.RocVanTwente)).GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(from, after.Status);
        Assert.Equal(version, after.Version);
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task StaleVersion_Aborted_AndTheOtherChangeStands()
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        await (await ClientAsync(Receiver)).AcceptReferralAsync(new AcceptReferralRequest { ReferralId = submitted.ReferralId, ExpectedVersion = 1 }).ResponseAsync.WaitAsync(Timeout);

        // The ROC's caseworker still holds version 1: withdrawing is allowed from ACCEPTED, but not on a stale read.
        await FailsAsync(StatusCode.Aborted, () => ActAsync("withdraw", submitted.ReferralId, 1));
        await FailsAsync(StatusCode.Aborted, () => ActAsync("complete", submitted.ReferralId, 3));

        var after = await (await ClientAsync(Twente.RocVanTwente)).GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(ReferralStatus.Accepted, after.Status);
        Assert.Equal(2, after.Version);
    }

    [Fact]
    public async Task ConcurrentAccepts_OneWins_TheOtherIsRefused()
    {
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var enschede = await ClientAsync(Receiver);

        var attempts = Enumerable.Range(0, 4).Select(async _ =>
        {
            try
            {
                await enschede.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = submitted.ReferralId, ExpectedVersion = 1 }).ResponseAsync.WaitAsync(Timeout);
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Single(results, r => r == StatusCode.OK);
        Assert.All(results.Where(r => r != StatusCode.OK), r => Assert.Equal(StatusCode.FailedPrecondition, r));
        Assert.Single(await ReferralDatabase.EventsForAsync(Fixture.Hub, Twente.RocVanTwente), e => e.ReferralChanged?.ReferralId == submitted.ReferralId);
    }
}
