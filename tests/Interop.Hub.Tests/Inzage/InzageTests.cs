using System.Security.Cryptography;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using Interop.Hub.Tests.Notifications;
using Interop.Privacy;
using Interop.ProcessingLog;

namespace Interop.Hub.Tests.Inzage;

/// <summary>
/// ProcessingLogService end to end. Processing records are appended to the hub's own log directly (as the services that
/// process data will append them); each test uses its own jongere (TestBsn) and, where it lists an organisation's
/// records, its own organisation. Records start on a fixed past day, so the hub's own inzage records (starting now)
/// are told apart by time.
/// </summary>
public abstract class InzageTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly HubDatabaseAccess _database = new(fixture.Hub);

    [Fact]
    public async Task BySubject_RecordsOfSeveralOrganisations_WithoutVertrouwelijk_AsCallersOwnRef()
    {
        var bsn = TestBsn.Next();
        var pseudonym = await _database.RegisterSubjectAsync(bsn, Twente.Enschede, Twente.Hengelo);
        await AppendAsync(
            Record(pseudonym, Twente.Enschede, Day),
            Record(pseudonym, Twente.Zorgaanbieder, Day.AddHours(1)) with { ExecutingOrganisationOin = Twente.Enschede },
            Record(pseudonym, Twente.Jeugdhulp, Day.AddHours(2)) with { Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk },
            Record(pseudonym, Twente.RocVanTwente, Day.AddHours(3)) with { Vertrouwelijkheid = Vertrouwelijkheid.Opgeheven, LegalBasis = ProcessingLegalBasis.StatutoryTask("rmc-vsv") },
            Record(_database.Pseudonymizer.Pseudonymize(Bsn.Parse(TestBsn.Next())), Twente.Hengelo, Day.AddHours(4)));
        var client = await InzageClientAsync();
        var ownRef = _database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsn), Twente.Enschede);

        var byBsn = await client.ListProcessingRecordsBySubjectAsync(BySubject(new Subject { Bsn = bsn }, DayRange())).ResponseAsync.WaitAsync(Timeout);
        var byRef = await client.ListProcessingRecordsBySubjectAsync(BySubject(new Subject { SubjectRef = ownRef }, DayRange())).ResponseAsync.WaitAsync(Timeout);

        foreach (var response in new[] { byBsn, byRef })
        {
            Assert.Equal([Twente.RocVanTwente, Twente.Zorgaanbieder, Twente.Enschede], response.Records.Select(r => r.RequestingOrganisation.Oin));
            Assert.All(response.Records, r => Assert.Equal(ownRef, r.DataSubjectRef));
            Assert.DoesNotContain(response.Records, r => r.Vertrouwelijkheid == Vertrouwelijkheid.Vertrouwelijk);
            Assert.Empty(response.Page.NextPageToken);
        }

        var zorg = byBsn.Records[1];
        Assert.Equal("Zorgaanbieder Twente", zorg.RequestingOrganisation.DisplayName);
        Assert.Equal(OrganisationKind.Zorgaanbieder, zorg.RequestingOrganisation.Kind);
        Assert.Equal("Gemeente Enschede", zorg.ExecutingOrganisation.DisplayName);
        Assert.Equal("consent-1", zorg.LegalBasis.ConsentId);
        Assert.Equal("begeleiding-naar-onderwijs-of-werk", zorg.Purpose.Code);
        Assert.Equal(Day.AddHours(1), zorg.StartTime.ToDateTimeOffset());
        Assert.Equal(32, zorg.RecordHash.Length);
        Assert.Equal("rmc-vsv", byBsn.Records[0].LegalBasis.StatutoryTask.Code);
        Assert.Equal(Vertrouwelijkheid.Opgeheven, byBsn.Records[0].Vertrouwelijkheid);
    }

    [Fact]
    public async Task BySubject_IsItselfLogged_AndShowsInTheNextInzage()
    {
        var bsn = TestBsn.Next();
        var pseudonym = await _database.RegisterSubjectAsync(bsn);
        var client = await InzageClientAsync();

        var first = await client.ListProcessingRecordsBySubjectAsync(BySubject(new Subject { Bsn = bsn })).ResponseAsync.WaitAsync(Timeout);
        var second = await client.ListProcessingRecordsBySubjectAsync(BySubject(new Subject { Bsn = bsn })).ResponseAsync.WaitAsync(Timeout);

        Assert.Empty(first.Records);
        var logged = Assert.Single(second.Records);
        Assert.Equal("interop-inzage", logged.ProcessingActivityId);
        Assert.Equal("/interop.v1.ProcessingLogService/ListProcessingRecordsBySubject", logged.Operation);
        Assert.Equal(ProcessingAction.Read, logged.Action);
        Assert.Equal(Twente.Enschede, logged.RequestingOrganisation.Oin);
        Assert.Equal(ProcessingStatus.Ok, logged.Status);
        // The ref shown was registered for the caller: it can name the jongere with it from now on.
        Assert.Equal(_database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsn), Twente.Enschede), logged.DataSubjectRef);
        var byRef = await client.ListProcessingRecordsBySubjectAsync(BySubject(new Subject { SubjectRef = logged.DataSubjectRef })).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(2, byRef.Records.Count);

        // In the log itself the jongere is the hub's pseudonym, which no response shows.
        var log = _database.OpenLog();
        try
        {
            var stored = await log.ListBySubjectAsync(pseudonym, ProcessingLogPageRequest.First).WaitAsync(Timeout);
            Assert.Equal(3, stored.Records.Count);
            Assert.All(stored.Records, r => Assert.Equal(pseudonym, r.DataSubjectRef));
            Assert.DoesNotContain(byRef.Records, r => r.DataSubjectRef == pseudonym);
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task BySubject_TimeRangeAndPaging_NewestFirst()
    {
        var bsn = TestBsn.Next();
        var pseudonym = await _database.RegisterSubjectAsync(bsn);
        await AppendAsync([.. Enumerable.Range(0, 6).Select(i => Record(pseudonym, i % 2 == 0 ? Twente.Enschede : Twente.RmcTwente, Day.AddHours(i)))]);
        var client = await InzageClientAsync();
        var range = new TimeRange { StartTime = Timestamp(Day.AddHours(1)), EndTime = Timestamp(Day.AddHours(5)) };

        var pages = new List<ListProcessingRecordsBySubjectResponse>();
        var token = "";
        do
        {
            var request = BySubject(new Subject { Bsn = bsn }, range);
            request.Page = new PageRequest { PageSize = 3, PageToken = token };
            var page = await client.ListProcessingRecordsBySubjectAsync(request).ResponseAsync.WaitAsync(Timeout);
            pages.Add(page);
            token = page.Page.NextPageToken;
        }
        while (token.Length > 0 && pages.Count < 10);

        Assert.Equal([3, 1], pages.Select(p => p.Records.Count));
        Assert.Equal([4, 3, 2, 1], pages.SelectMany(p => p.Records).Select(r => (int)(r.StartTime.ToDateTimeOffset() - Day).TotalHours));

        // The token is only valid with the same filters.
        var other = BySubject(new Subject { Bsn = bsn }, new TimeRange { StartTime = Timestamp(Day) });
        other.Page = new PageRequest { PageSize = 3, PageToken = pages[0].Page.NextPageToken };
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListProcessingRecordsBySubjectAsync(other).ResponseAsync.WaitAsync(Timeout));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("page.page_token", Assert.Single(RpcErrorDetails.GetBadRequest(ex).FieldViolations).Field);
    }

    [Fact]
    public async Task BySubject_AnotherOrganisationsSubjectRefOrUnknownJongere_NotFound_AndNothingLogged()
    {
        var bsn = TestBsn.Next();
        var pseudonym = await _database.RegisterSubjectAsync(bsn, Twente.Hengelo);
        var client = await InzageClientAsync();
        var hengeloRef = _database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsn), Twente.Hengelo);

        foreach (var subject in new[] { new Subject { SubjectRef = hengeloRef }, new Subject { SubjectRef = "r1:unknown" }, new Subject { Bsn = TestBsn.Next() } })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListProcessingRecordsBySubjectAsync(BySubject(subject)).ResponseAsync.WaitAsync(Timeout));
            Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        }

        var log = _database.OpenLog();
        try
        {
            Assert.Empty((await log.ListBySubjectAsync(pseudonym, ProcessingLogPageRequest.First).WaitAsync(Timeout)).Records);
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public async Task BySubject_BadFields_EveryViolationListed()
    {
        var client = await InzageClientAsync();
        var cases = new (ListProcessingRecordsBySubjectRequest Request, string[] Fields)[]
        {
            (new ListProcessingRecordsBySubjectRequest
            {
                StartTimeRange = new TimeRange { StartTime = Timestamp(Day), EndTime = Timestamp(Day) },
                Page = new PageRequest { PageSize = -1, PageToken = "not-a-token" },
            }, ["subject", "start_time_range.end_time", "page.page_size", "page.page_token"]),
            (new ListProcessingRecordsBySubjectRequest
            {
                Subject = new Subject { Bsn = "123456789" },
                StartTimeRange = new TimeRange { StartTime = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -5 } },
            }, ["subject.bsn", "start_time_range.start_time"]),
            (new ListProcessingRecordsBySubjectRequest { Subject = new Subject { Bsn = TestBsn.Next(), SubjectRef = "r1:x" } }, ["subject"]),
            (new ListProcessingRecordsBySubjectRequest { Subject = new Subject { SubjectRef = "has spaces" } }, ["subject.subject_ref"]),
        };

        foreach (var (request, fields) in cases)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListProcessingRecordsBySubjectAsync(request).ResponseAsync.WaitAsync(Timeout));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal(fields.Order(), RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field).Order());
            Assert.DoesNotContain("123456789", ex.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ByOrganisation_OnlyOwnRecords_AsOwnRefs_WithSubjectAndTimeFilters()
    {
        var oin = await _database.NewOrganisationAsync();
        using var partner = await fixture.NewClientAsync(oin, "processing-log.read");
        var client = new ProcessingLogService.ProcessingLogServiceClient(partner.CallInvoker);
        var (bsnA, bsnB) = (TestBsn.Next(), TestBsn.Next());
        var a = await _database.RegisterSubjectAsync(bsnA, oin, Twente.Enschede);
        // B was processed by the organisation without a subject_ref registered for it (e.g. a call that failed early).
        var b = await _database.RegisterSubjectAsync(bsnB, Twente.Enschede);
        await AppendAsync(
            Record(a, oin, Day),
            Record(b, oin, Day.AddHours(1)) with { Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk },
            Record(a, Twente.Enschede, Day.AddHours(2)),
            Record(a, oin, Day.AddHours(3)));
        var refA = _database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsnA), oin);
        var refB = _database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsnB), oin);

        var all = await client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest()).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([3, 1, 0], all.Records.Select(r => (int)(r.StartTime.ToDateTimeOffset() - Day).TotalHours));
        Assert.All(all.Records, r => Assert.Equal(oin, r.RequestingOrganisation.Oin));
        Assert.Equal([refA, refB, refA], all.Records.Select(r => r.DataSubjectRef));

        var onlyA = await client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest { Subject = new Subject { Bsn = bsnA } }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([3, 0], onlyA.Records.Select(r => (int)(r.StartTime.ToDateTimeOffset() - Day).TotalHours));
        // B's ref was registered when it was first shown: the organisation can filter with it.
        var onlyB = await client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest { Subject = new Subject { SubjectRef = refB } }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([1], onlyB.Records.Select(r => (int)(r.StartTime.ToDateTimeOffset() - Day).TotalHours));
        var ranged = await client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest
        {
            Subject = new Subject { SubjectRef = refA },
            StartTimeRange = new TimeRange { EndTime = Timestamp(Day.AddHours(3)) },
        }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal([0], ranged.Records.Select(r => (int)(r.StartTime.ToDateTimeOffset() - Day).TotalHours));

        // A BSN the organisation has no records of is simply empty; another organisation's ref is NOT_FOUND.
        Assert.Empty((await client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest { Subject = new Subject { Bsn = TestBsn.Next() } }).ResponseAsync.WaitAsync(Timeout)).Records);
        var enschedeRef = _database.Pseudonymizer.SubjectRefFor(Bsn.Parse(bsnA), Twente.Enschede);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest { Subject = new Subject { SubjectRef = enschedeRef } }).ResponseAsync.WaitAsync(Timeout));
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task ByOrganisation_BadFields_EveryViolationListed()
    {
        var client = await InzageClientAsync();
        var request = new ListProcessingRecordsByOrganisationRequest
        {
            Subject = new Subject { Bsn = "12345678X" },
            StartTimeRange = new TimeRange { StartTime = Timestamp(Day.AddHours(1)), EndTime = Timestamp(Day) },
            Page = new PageRequest { PageSize = -3, PageToken = "%%%" },
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ListProcessingRecordsByOrganisationAsync(request).ResponseAsync.WaitAsync(Timeout));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(
            new[] { "page.page_size", "page.page_token", "start_time_range.end_time", "subject.bsn" },
            RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public async Task Scopes_InzageNeedsInzageScope_OwnRecordsNeedReadScope()
    {
        using var reader = await fixture.NewClientAsync(Twente.Hengelo, "processing-log.read");
        using var inzage = await fixture.NewClientAsync(Twente.Hengelo, "processing-log.inzage");

        var bySubject = await Assert.ThrowsAsync<RpcException>(() => new ProcessingLogService.ProcessingLogServiceClient(reader.CallInvoker)
            .ListProcessingRecordsBySubjectAsync(BySubject(new Subject { Bsn = TestBsn.Next() })).ResponseAsync.WaitAsync(Timeout));
        var byOrganisation = await Assert.ThrowsAsync<RpcException>(() => new ProcessingLogService.ProcessingLogServiceClient(inzage.CallInvoker)
            .ListProcessingRecordsByOrganisationAsync(new ListProcessingRecordsByOrganisationRequest()).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(StatusCode.PermissionDenied, bySubject.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byOrganisation.StatusCode);
    }

    private async Task<ProcessingLogService.ProcessingLogServiceClient> InzageClientAsync() =>
        new((await fixture.ClientAsync(Twente.Enschede)).CallInvoker);

    private async Task AppendAsync(params ProcessingLogRecord[] records)
    {
        var log = _database.OpenLog();
        try
        {
            foreach (var record in records)
            {
                await log.AppendAsync(record).WaitAsync(Timeout);
            }
        }
        finally
        {
            (log as IDisposable)?.Dispose();
        }
    }

    private static ListProcessingRecordsBySubjectRequest BySubject(Subject subject, TimeRange? range = null) =>
        new() { Subject = subject, StartTimeRange = range };

    private static TimeRange DayRange() => new() { StartTime = Timestamp(Day), EndTime = Timestamp(Day.AddDays(1)) };

    private static Google.Protobuf.WellKnownTypes.Timestamp Timestamp(DateTimeOffset time) => Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(time);

    private static ProcessingLogRecord Record(string pseudonym, string requester, DateTimeOffset start) => new()
    {
        TraceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        SpanId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
        ProcessingActivityId = "interop-verwijzing",
        Operation = "/interop.v1.ReferralService/GetReferral",
        Action = ProcessingAction.Read,
        PurposeCode = "begeleiding-naar-onderwijs-of-werk",
        LegalBasis = ProcessingLegalBasis.Consent("consent-1"),
        RequestingOrganisationOin = requester,
        DataSubjectRef = pseudonym,
        DataCategories = [DataCategory.Case],
        Status = ProcessingStatus.Ok,
        StartTime = start,
        EndTime = start.AddMilliseconds(5),
        Bewaartermijn = "P5Y",
    };
}

/// <summary>ProcessingLogService on SQLite.</summary>
public sealed class InzageOnSqliteTests(SqliteTwenteHub fixture) : InzageTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>ProcessingLogService on PostgreSQL.</summary>
public sealed class InzageOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : InzageTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
