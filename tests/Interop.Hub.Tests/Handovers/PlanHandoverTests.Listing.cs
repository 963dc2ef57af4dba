using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;

namespace Interop.Hub.Tests.Handovers;

public abstract partial class PlanHandoverTests<TFixture>
{
    [Fact]
    public async Task ListHandovers_DirectionStatusSubjectAndTime_FilterNewestFirst()
    {
        // The facts of one class run one after another, so every handover offered from here on is this test's.
        var since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMilliseconds(-1));
        var (a, b, c, bsnA) = await ThreeHandoversAsync();
        var range = new TimeRange { StartTime = since };

        var offered = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Direction = HandoverDirection.Offered, OfferTimeRange = range });
        Assert.Equal([c.HandoverId, b.HandoverId, a.HandoverId], offered.Handovers.Select(h => h.HandoverId));
        Assert.Empty(offered.Page.NextPageToken);
        Assert.All(offered.Handovers, h => Assert.NotEmpty(h.Plan.Goals));

        // Each handover is listed with the plan version it offers, as the offer answered it (C is still open).
        Assert.Equal(c, offered.Handovers[0]);

        var received = await ListAsync(Twente.Enschede, new ListHandoversRequest { Direction = HandoverDirection.Received, OfferTimeRange = range });
        Assert.Equal([c.HandoverId, a.HandoverId], received.Handovers.Select(h => h.HandoverId));
        var enschedeOffered = await ListAsync(Twente.Enschede, new ListHandoversRequest { Direction = HandoverDirection.Offered, OfferTimeRange = range });
        Assert.Empty(enschedeOffered.Handovers);

        var open = await ListAsync(Twente.Enschede, new ListHandoversRequest { Statuses = { HandoverStatus.Offered }, OfferTimeRange = range });
        Assert.Equal([c.HandoverId], open.Handovers.Select(h => h.HandoverId));
        var decided = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Statuses = { HandoverStatus.Accepted, HandoverStatus.Declined }, OfferTimeRange = range });
        Assert.Equal([b.HandoverId, a.HandoverId], decided.Handovers.Select(h => h.HandoverId));

        var bySubject = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Subject = new Subject { Bsn = bsnA } });
        var onlyA = Assert.Single(bySubject.Handovers);
        Assert.Equal(a.HandoverId, onlyA.HandoverId);
        Assert.Equal(HandoverStatus.Accepted, onlyA.Status);
        Assert.Equal(a.Plan.Subject.SubjectRef, onlyA.Plan.Subject.SubjectRef);

        // Hengelo declined: it keeps the handover, not the plan's content.
        var hengelo = Assert.Single((await ListAsync(Twente.Hengelo, new ListHandoversRequest { OfferTimeRange = range })).Handovers);
        Assert.Equal(HandoverStatus.Declined, hengelo.Status);
        Assert.Empty(hengelo.Plan.Goals);
        Assert.Null(hengelo.Plan.Regisseur);

        var before = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { OfferTimeRange = new TimeRange { EndTime = since } });
        Assert.DoesNotContain(before.Handovers, h => h.HandoverId == a.HandoverId || h.HandoverId == b.HandoverId || h.HandoverId == c.HandoverId);
        var unknownSubject = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Subject = new Subject { Bsn = TestBsn.Next() } });
        Assert.Empty(unknownSubject.Handovers);
    }

    [Fact]
    public async Task ListHandovers_PageSizeOne_EachOnceAndTokenBoundToFilters()
    {
        var since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMilliseconds(-1));
        var (a, b, c, _) = await ThreeHandoversAsync();
        var request = new ListHandoversRequest { Direction = HandoverDirection.Offered, OfferTimeRange = new TimeRange { StartTime = since }, Page = new PageRequest { PageSize = 1 } };

        var seen = new List<string>();
        var tokens = new List<string>();
        while (true)
        {
            var page = await ListAsync(Twente.Jeugdhulp, request);
            Assert.True(page.Handovers.Count <= 1);
            seen.AddRange(page.Handovers.Select(h => h.HandoverId));
            if (page.Page.NextPageToken.Length == 0)
            {
                break;
            }

            tokens.Add(page.Page.NextPageToken);
            request.Page.PageToken = page.Page.NextPageToken;
            Assert.True(seen.Count <= 3, "More pages than handovers.");
        }

        Assert.Equal([c.HandoverId, b.HandoverId, a.HandoverId], seen);
        var otherFilters = await RefusedAsync(() => ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Direction = HandoverDirection.Received, Page = new PageRequest { PageSize = 1, PageToken = tokens[0] } }));
        var otherCaller = await RefusedAsync(() => ListAsync(Twente.Enschede, new ListHandoversRequest { Direction = HandoverDirection.Offered, OfferTimeRange = request.OfferTimeRange, Page = new PageRequest { PageSize = 1, PageToken = tokens[0] } }));
        Assert.Equal(StatusCode.InvalidArgument, otherFilters.StatusCode);
        Assert.Equal(["page.page_token"], RpcErrorDetails.GetBadRequest(otherFilters).FieldViolations.Select(v => v.Field));
        Assert.Equal(StatusCode.InvalidArgument, otherCaller.StatusCode);
    }

    [Fact]
    public async Task ListHandovers_RecordsOneReadPerJongereOnThePage_AndAnEmptyPageNothing()
    {
        var since = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMilliseconds(-1));
        await ThreeHandoversAsync();
        var reads = $"SELECT COUNT(*) FROM processing_record WHERE requesting_oin = '{Twente.Jeugdhulp}' " +
            $"AND processing_activity_id = 'interop-plan-overdracht' AND action = {(int)ProcessingAction.Read}";
        var before = await CountAsync(reads);

        var page = await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Direction = HandoverDirection.Offered, OfferTimeRange = new TimeRange { StartTime = since } });
        Assert.Equal(3, page.Handovers.Count);
        var afterPage = await CountAsync(reads);
        Assert.Equal(before + 3, afterPage);

        // Nothing found (a jongere the hub does not know, a range with nothing in it): nothing read, nothing recorded.
        Assert.Empty((await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { Subject = new Subject { Bsn = TestBsn.Next() } })).Handovers);
        Assert.Empty((await ListAsync(Twente.Jeugdhulp, new ListHandoversRequest { OfferTimeRange = new TimeRange { EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(1)) } })).Handovers);
        Assert.Equal(afterPage, await CountAsync(reads));
    }

    [Fact]
    public async Task ListHandovers_EveryBadField_ListedAtOnce()
    {
        var error = await RefusedAsync(() => ListAsync(Twente.Jeugdhulp, new ListHandoversRequest
        {
            Direction = (HandoverDirection)7,
            Statuses = { HandoverStatus.Offered, HandoverStatus.Unspecified },
            Subject = new Subject { Bsn = "12345" },
            OfferTimeRange = new TimeRange { StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(2)), EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddDays(1)) },
            Page = new PageRequest { PageSize = -1, PageToken = "!!" },
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["direction", "offer_time_range.end_time", "page.page_size", "page.page_token", "statuses[1]", "subject.bsn"],
            RpcErrorDetails.GetBadRequest(error).FieldViolations.Select(v => v.Field).Order());
    }

    /// <summary>
    /// Three jongeren's plans offered by Jeugdhulp, in this order: A to Enschede (accepted), B to Hengelo (declined),
    /// C to Enschede (open).
    /// </summary>
    private async Task<long> CountAsync(string sql) =>
        long.Parse(await HubTables.ScalarAsync(fixture.Hub, sql) ?? "", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Handover A, Handover B, Handover C, string BsnA)> ThreeHandoversAsync()
    {
        var bsnA = TestBsn.Next();
        var a = await OfferAsync(Twente.Jeugdhulp, await RecordTwentePlanAsync(bsnA), Twente.Enschede, HandoverReason.Transition18);
        await AcceptAsync(Twente.Enschede, a);
        var b = await OfferAsync(Twente.Jeugdhulp, await RecordTwentePlanAsync(TestBsn.Next()), Twente.Hengelo, HandoverReason.MoveGemeente);
        await DeclineAsync(Twente.Hengelo, new DeclineHandoverRequest { HandoverId = b.HandoverId, ExpectedVersion = 1, Reason = "Niet onze gemeente." });
        var c = await OfferAsync(Twente.Jeugdhulp, await RecordTwentePlanAsync(TestBsn.Next()), Twente.Enschede, HandoverReason.Transition18);
        return (a, b, c, bsnA);
    }
}
