using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

public abstract partial class PlanHandoverTests<TFixture>
{
    [Fact]
    public async Task Subscribe_OfferAndDecision_ReachReceiverAndOffererWithTheirOwnRefs()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Zorgaanbieder, HandoverReason.Other, "Volwassenenzorg neemt over.");
        await AcceptAsync(Twente.Zorgaanbieder, offer);

        var offered = await FirstEventAsync(Twente.Zorgaanbieder, e => e.HandoverOffered?.HandoverId == offer.HandoverId);
        var decided = await FirstEventAsync(Twente.Jeugdhulp, e => e.HandoverDecided?.HandoverId == offer.HandoverId);

        Assert.Equal(HandoverReason.Other, offered.HandoverOffered.Reason);
        Assert.Equal(offer.Plan.Subject.SubjectRef, decided.SubjectRef);
        var asReceiver = await GetPlanAsync(Twente.Zorgaanbieder, new GetPlanRequest { Subject = new Subject { SubjectRef = offered.SubjectRef } });
        Assert.Equal(Twente.Zorgaanbieder, asReceiver.Holder.Oin);
        Assert.Equal(HandoverStatus.Accepted, decided.HandoverDecided.Status);
    }

    /// <summary>The first event of <paramref name="oin"/>'s stream (from the oldest retained) that matches.</summary>
    private async Task<Event> FirstEventAsync(string oin, Func<Event, bool> match)
    {
        var client = new NotificationService.NotificationServiceClient((await fixture.ClientAsync(oin).WaitAsync(Timeout)).CallInvoker);
        using var timeout = new CancellationTokenSource(Timeout);
        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }, cancellationToken: timeout.Token);
        while (true)
        {
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token).WaitAsync(Timeout), "The stream ended.");
            if (match(call.ResponseStream.Current.Event))
            {
                return call.ResponseStream.Current.Event;
            }
        }
    }
}
