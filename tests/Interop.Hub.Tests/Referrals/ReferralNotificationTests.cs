using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

/// <summary>The referral events as the parties receive them through NotificationService.Subscribe.</summary>
public abstract class ReferralNotificationTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Subscribers_ReceiverLearnsOfTheReferral_SenderOfEveryChange()
    {
        using var receiverEvents = await SubscribeAsync(Receiver);
        using var senderEvents = await SubscribeAsync(Twente.RocVanTwente);
        var submitted = await SubmitAsync(NewRequest(TestBsn.Next()));
        var rmc = await ClientAsync(Receiver);
        await rmc.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = submitted.ReferralId, ExpectedVersion = 1 }).ResponseAsync.WaitAsync(Timeout);
        await rmc.CompleteReferralAsync(new CompleteReferralRequest
        {
            ReferralId = submitted.ReferralId,
            ExpectedVersion = 2,
            Outcome = new ReferralOutcome { Code = ReferralOutcomeCode.ReferredOnward, Summary = "Referred to a training programme." },
        }).ResponseAsync.WaitAsync(Timeout);

        var received = await NextAsync(receiverEvents, e => e.ReferralReceived?.ReferralId == submitted.ReferralId);
        var accepted = await NextAsync(senderEvents, e => e.ReferralChanged?.ReferralId == submitted.ReferralId);
        var completed = await NextAsync(senderEvents, e => e.ReferralChanged?.ReferralId == submitted.ReferralId);

        Assert.Equal(Twente.RocVanTwente, received.ReferralReceived.Sender.Oin);
        Assert.Equal(ReferralStatus.Accepted, accepted.ReferralChanged.Status);
        Assert.Equal(ReferralStatus.Completed, completed.ReferralChanged.Status);
        Assert.Equal(3, completed.ReferralChanged.Version);
        Assert.True(completed.Cursor > accepted.Cursor);
        Assert.Equal(submitted.Subject.SubjectRef, completed.SubjectRef);

        // The event names the change; the content (the outcome) is fetched with GetReferral.
        var back = await (await ClientAsync(Twente.RocVanTwente)).GetReferralAsync(new GetReferralRequest { ReferralId = completed.ReferralChanged.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(ReferralOutcomeCode.ReferredOnward, back.Outcome.Code);
    }

    private async Task<AsyncServerStreamingCall<SubscribeResponse>> SubscribeAsync(string oin)
    {
        var client = new NotificationService.NotificationServiceClient((await Fixture.ClientAsync(oin)).CallInvoker);
        return client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
    }

    /// <summary>The next event on <paramref name="call"/> that matches, skipping others (other tests' events).</summary>
    private static async Task<Event> NextAsync(AsyncServerStreamingCall<SubscribeResponse> call, Func<Event, bool> matches)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token).WaitAsync(Timeout), "The stream ended.");
            if (matches(call.ResponseStream.Current.Event))
            {
                return call.ResponseStream.Current.Event;
            }
        }
    }
}
