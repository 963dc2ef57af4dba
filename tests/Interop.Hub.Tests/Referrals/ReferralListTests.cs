using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;

namespace Interop.Hub.Tests.Referrals;

/// <summary>GetReferral and the lists: filters, paging, page tokens, and the processing records of reads and writes.</summary>
public abstract class ReferralListTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Filters_StatusLeefgebiedSubjectAndTime_CombineWithAnd()
    {
        var bsn = TestBsn.Next();
        var rmc = await ClientAsync(Twente.RmcTwente);
        var werk = await SubmitFromRmcAsync(bsn, Twente.Enschede, Leefgebied.WerkEnInkomen);
        var onderwijs = await SubmitFromRmcAsync(bsn, Twente.RocVanTwente, Leefgebied.Onderwijs);
        var hengelo = await SubmitFromRmcAsync(bsn, Twente.Hengelo, Leefgebied.WerkEnInkomen);
        await SubmitFromRmcAsync(TestBsn.Next(), Twente.Enschede, Leefgebied.WerkEnInkomen);
        await (await ClientAsync(Twente.RocVanTwente)).AcceptReferralAsync(new AcceptReferralRequest { ReferralId = onderwijs.ReferralId, ExpectedVersion = 1 }).ResponseAsync.WaitAsync(Timeout);

        async Task<List<string>> SentAsync(ReferralFilter filter) =>
            (await rmc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter }).ResponseAsync.WaitAsync(Timeout)).Referrals.Select(r => r.ReferralId).ToList();
        var subject = new Subject { Bsn = bsn };

        Assert.Equal([hengelo.ReferralId, onderwijs.ReferralId, werk.ReferralId], await SentAsync(new ReferralFilter { Subject = subject }));
        Assert.Equal([onderwijs.ReferralId], await SentAsync(new ReferralFilter { Subject = subject, Statuses = { ReferralStatus.Accepted } }));
        Assert.Equal([hengelo.ReferralId, werk.ReferralId], await SentAsync(new ReferralFilter { Subject = subject, Statuses = { ReferralStatus.Submitted, ReferralStatus.Declined } }));
        Assert.Equal([onderwijs.ReferralId], await SentAsync(new ReferralFilter { Subject = subject, Leefgebieden = { Leefgebied.Onderwijs } }));
        Assert.Equal([hengelo.ReferralId, werk.ReferralId], await SentAsync(new ReferralFilter { Subject = subject, Leefgebieden = { Leefgebied.Zorg, Leefgebied.WerkEnInkomen } }));
        Assert.Empty(await SentAsync(new ReferralFilter { Subject = subject, Leefgebieden = { Leefgebied.WerkEnInkomen }, Statuses = { ReferralStatus.Accepted } }));
        Assert.Equal([hengelo.ReferralId, werk.ReferralId], await SentAsync(new ReferralFilter { Subject = new Subject { SubjectRef = werk.Subject.SubjectRef }, Leefgebieden = { Leefgebied.WerkEnInkomen } }));
        Assert.Equal([onderwijs.ReferralId], await SentAsync(new ReferralFilter
        {
            Subject = subject,
            SubmitTimeRange = new TimeRange { StartTime = onderwijs.SubmitTime, EndTime = hengelo.SubmitTime },
        }));
        Assert.Equal([hengelo.ReferralId, onderwijs.ReferralId], await SentAsync(new ReferralFilter { Subject = subject, SubmitTimeRange = new TimeRange { StartTime = onderwijs.SubmitTime } }));
        Assert.Empty(await SentAsync(new ReferralFilter { Subject = new Subject { Bsn = TestBsn.Next() } }));
        Assert.Empty(await SentAsync(new ReferralFilter { Subject = new Subject { SubjectRef = "not-issued-to-anyone" } }));

        // The receiver lists what it received about the jongere, with its own subject_ref.
        var enschede = await ClientAsync(Twente.Enschede);
        var enschedeRef = (await enschede.GetReferralAsync(new GetReferralRequest { ReferralId = werk.ReferralId }).ResponseAsync.WaitAsync(Timeout)).Subject.SubjectRef;
        var received = await enschede.ListReceivedReferralsAsync(new ListReceivedReferralsRequest { Filter = new ReferralFilter { Subject = new Subject { SubjectRef = enschedeRef } } }).ResponseAsync.WaitAsync(Timeout);
        var only = Assert.Single(received.Referrals);
        Assert.Equal(werk.ReferralId, only.ReferralId);
        Assert.Equal(enschedeRef, only.Subject.SubjectRef);
        Assert.Equal(bsn, only.Subject.Bsn);
    }

    [Fact]
    public async Task Paging_ThroughEveryPage_NewestFirstNoRepeats()
    {
        var bsn = TestBsn.Next();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await SubmitAsync(NewRequest(bsn))).ReferralId);
        }

        ids.Reverse();
        var roc = await ClientAsync(Twente.RocVanTwente);
        var filter = new ReferralFilter { Subject = new Subject { Bsn = bsn } };
        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageSize = 2, PageToken = token } }).ResponseAsync.WaitAsync(Timeout);
            Assert.True(page.Referrals.Count <= 2);
            seen.AddRange(page.Referrals.Select(r => r.ReferralId));
            token = page.Page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task PageToken_ForeignOrTampered_InvalidArgument()
    {
        var bsn = TestBsn.Next();
        await SubmitAsync(NewRequest(bsn));
        await SubmitAsync(NewRequest(bsn));
        var roc = await ClientAsync(Twente.RocVanTwente);
        var filter = new ReferralFilter { Subject = new Subject { Bsn = bsn } };
        var first = await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageSize = 1 } }).ResponseAsync.WaitAsync(Timeout);
        var token = first.Page.NextPageToken;
        Assert.NotEmpty(token);

        async Task RefusedAsync(Func<Task> call) =>
            AssertViolations(await FailsAsync(StatusCode.InvalidArgument, call), "page.page_token");

        // Other filters, the other list, another organisation, garbage: each is not this listing's token.
        await RefusedAsync(() => roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = new ReferralFilter { Subject = filter.Subject, Statuses = { ReferralStatus.Submitted } }, Page = new PageRequest { PageToken = token } }).ResponseAsync);
        await RefusedAsync(() => roc.ListSentReferralsAsync(new ListSentReferralsRequest { Page = new PageRequest { PageToken = token } }).ResponseAsync);
        await RefusedAsync(() => roc.ListReceivedReferralsAsync(new ListReceivedReferralsRequest { Filter = filter, Page = new PageRequest { PageToken = token } }).ResponseAsync);
        await RefusedAsync(async () => await (await ClientAsync(Twente.Hengelo)).ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageToken = token } }).ResponseAsync);
        await RefusedAsync(() => roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageToken = "bm90LWEtdG9rZW4" } }).ResponseAsync);
        await RefusedAsync(() => roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageToken = token + "x" } }).ResponseAsync);

        var second = await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = filter, Page = new PageRequest { PageSize = 1, PageToken = token } }).ResponseAsync.WaitAsync(Timeout);
        Assert.Single(second.Referrals);
        Assert.Empty(second.Page.NextPageToken);
    }

    [Fact]
    public async Task BadFilterAndPage_AllListed()
    {
        var roc = await ClientAsync(Twente.RocVanTwente);
        var now = DateTimeOffset.UtcNow;

        var ex = await FailsAsync(StatusCode.InvalidArgument, () => roc.ListReceivedReferralsAsync(new ListReceivedReferralsRequest
        {
            Filter = new ReferralFilter
            {
                Statuses = { ReferralStatus.Unspecified },
                Leefgebieden = { Leefgebied.Zorg, (Leefgebied)99 },
                SubmitTimeRange = new TimeRange { StartTime = Timestamp.FromDateTimeOffset(now), EndTime = Timestamp.FromDateTimeOffset(now.AddDays(-1)) },
                Subject = new Subject { Bsn = "111111111" },
            },
            Page = new PageRequest { PageSize = -1 },
        }).ResponseAsync);

        AssertViolations(ex, "filter.leefgebieden[1]", "filter.statuses[0]", "filter.subject.bsn", "filter.submit_time_range.end_time", "page.page_size");
    }

    [Fact]
    public async Task PageSize_AboveMaximum_Lowered()
    {
        var roc = await ClientAsync(Twente.RocVanTwente);
        await SubmitAsync(NewRequest(TestBsn.Next()));

        var page = await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Page = new PageRequest { PageSize = 100_000 } }).ResponseAsync.WaitAsync(Timeout);

        Assert.NotEmpty(page.Referrals);
    }

    [Fact]
    public async Task ProcessingRecords_ForTheSubmitEveryChangeAndEveryRead()
    {
        var bsn = TestBsn.Next();
        var roc = await ClientAsync(Twente.RocVanTwente);
        var rmc = await ClientAsync(Receiver);
        var rocBefore = (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Twente.RocVanTwente)).Count;
        var rmcBefore = (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Receiver)).Count;

        var referral = await SubmitAsync(NewRequest(bsn));
        await SubmitAsync(NewRequest(bsn));
        await rmc.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        await rmc.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = referral.ReferralId, ExpectedVersion = 1, Reason = new DeclineReason { Code = DeclineReasonCode.NoCapacity } }).ResponseAsync.WaitAsync(Timeout);
        await roc.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = new ReferralFilter { Subject = new Subject { Bsn = bsn } } }).ResponseAsync.WaitAsync(Timeout);

        var rocRecords = (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Twente.RocVanTwente)).SkipLast(rocBefore).Reverse().ToList();
        var rmcRecords = (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Receiver)).SkipLast(rmcBefore).Reverse().ToList();

        // ROC: two CREATEs (the submissions), then one READ per referral listed.
        Assert.Equal([ProcessingAction.Create, ProcessingAction.Create, ProcessingAction.Read, ProcessingAction.Read], rocRecords.Select(r => r.Action));
        // RMC: the READ of its GetReferral, the UPDATE of its decline.
        Assert.Equal([ProcessingAction.Read, ProcessingAction.Update], rmcRecords.Select(r => r.Action));
        var all = rocRecords.Concat(rmcRecords).ToList();
        Assert.Single(all.Select(r => r.DataSubjectRef).Distinct());
        Assert.DoesNotContain(bsn, all[0].DataSubjectRef, StringComparison.Ordinal);
        Assert.All(all, r =>
        {
            Assert.Equal("interop-verwijzing", r.ProcessingActivityId);
            Assert.Equal(PurposeCode, r.PurposeCode);
            Assert.Equal(ProcessingLegalBasisKind.StatutoryTask, r.LegalBasis.Kind);
            Assert.Equal(RocTaskCode, r.LegalBasis.Value);
            Assert.Equal(ProcessingStatus.Ok, r.Status);
            Assert.Equal(32, r.TraceId.Length);
        });
        Assert.Equal([DataCategory.Bsn, DataCategory.Pseudonym, DataCategory.Case, DataCategory.Identifying, DataCategory.Contact], rocRecords[0].DataCategories);
        Assert.Equal([DataCategory.Pseudonym, DataCategory.Involvement, DataCategory.Case], rmcRecords[1].DataCategories);
        Assert.EndsWith("/SubmitReferral", rocRecords[0].Operation, StringComparison.Ordinal);
        Assert.EndsWith("/GetReferral", rmcRecords[0].Operation, StringComparison.Ordinal);
        Assert.EndsWith("/DeclineReferral", rmcRecords[1].Operation, StringComparison.Ordinal);
        Assert.EndsWith("/ListSentReferrals", rocRecords[3].Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedCalls_WriteNoProcessingRecord()
    {
        var hengelo = await ClientAsync(Twente.Hengelo);
        var referral = await SubmitAsync(NewRequest(TestBsn.Next()));
        var before = (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Twente.Hengelo)).Count;

        await FailsAsync(StatusCode.NotFound, () => hengelo.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId }).ResponseAsync);
        await FailsAsync(StatusCode.NotFound, () => hengelo.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId, ExpectedVersion = 1 }).ResponseAsync);
        await hengelo.ListSentReferralsAsync(new ListSentReferralsRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(before, (await ReferralDatabase.RecordsOfAsync(Fixture.Hub, Twente.Hengelo)).Count);
    }

    private async Task<Referral> SubmitFromRmcAsync(string bsn, string receiverOin, Leefgebied leefgebied)
    {
        var request = NewRequest(bsn, receiverOin, leefgebied);
        request.LegalBasis = new Contracts.V1.LegalBasis { StatutoryTask = new StatutoryTask { Code = "rmc-vsv" } };
        return await SubmitAsync(request, Twente.RmcTwente);
    }
}
