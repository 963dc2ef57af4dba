using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.Consent.ConsentRequests;

namespace Interop.Hub.Tests.Consent;

/// <summary>ConsentService.ListConsents end to end: who sees which consent, states, paging.</summary>
public abstract class ConsentListTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task List_RecorderAndNamedGrantee_SeeIt_EachWithOwnSubjectRef_OthersDoNot()
    {
        var (enschede, zorg, hengelo) = (await fixture.ClientAsync(Twente.Enschede), await fixture.ClientAsync(Twente.Zorgaanbieder), await fixture.ClientAsync(Twente.Hengelo));
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));

        var byRecorder = Assert.Single((await enschede.ListAsync(bsn)).Consents);
        var byGrantee = Assert.Single((await zorg.ListAsync(bsn)).Consents);
        var byOther = await hengelo.ListAsync(bsn);

        Assert.Equal(consent, byRecorder);
        Assert.Equal(consent.ConsentId, byGrantee.ConsentId);
        Assert.NotEqual(consent.Subject.SubjectRef, byGrantee.Subject.SubjectRef);
        Assert.Empty(byOther.Consents);
        Assert.Empty(byOther.Page.NextPageToken);
    }

    [Fact]
    public async Task List_KindGrant_SeenByThatKind_WithinTheRegionOnly()
    {
        var rmc = await fixture.ClientAsync(Twente.RmcTwente);
        var bsn = TestBsn.Next();
        var regional = await rmc.RegisterAsync(RegisterForKind(bsn, OrganisationKind.Gemeente, "rmc38"));
        var anywhere = await rmc.RegisterAsync(RegisterForKind(bsn, OrganisationKind.Gemeente));

        var hengelo = await (await fixture.ClientAsync(Twente.Hengelo)).ListAsync(bsn);
        var almelo = await (await fixture.ClientAsync(Twente.Almelo)).ListAsync(bsn);
        var roc = await (await fixture.ClientAsync(Twente.RocVanTwente)).ListAsync(bsn);

        Assert.Equal([anywhere.ConsentId, regional.ConsentId], hengelo.Consents.Select(c => c.ConsentId));
        Assert.Equal([anywhere.ConsentId], almelo.Consents.Select(c => c.ConsentId));
        Assert.Empty(roc.Consents);
    }

    [Fact]
    public async Task List_DefaultActiveOnly_IncludeInactiveShowsStatesNewestFirst()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var active = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        var future = Register(bsn, Twente.Zorgaanbieder);
        future.ValidFrom = FromNow(TimeSpan.FromDays(30));
        var notYetValid = await enschede.RegisterAsync(future);
        var past = Register(bsn, Twente.Zorgaanbieder);
        past.ValidFrom = FromNow(TimeSpan.FromDays(-30));
        past.ValidUntil = FromNow(TimeSpan.FromDays(-1));
        var expired = await enschede.RegisterAsync(past);

        var activeOnly = await enschede.ListAsync(bsn);
        var all = await enschede.ListAsync(bsn, includeInactive: true);

        Assert.Equal(ConsentState.NotYetValid, notYetValid.State);
        Assert.Equal(ConsentState.Expired, expired.State);
        Assert.Equal([active.ConsentId], activeOnly.Consents.Select(c => c.ConsentId));
        Assert.Equal([expired.ConsentId, notYetValid.ConsentId, active.ConsentId], all.Consents.Select(c => c.ConsentId));
        Assert.Equal([ConsentState.Expired, ConsentState.NotYetValid, ConsentState.Active], all.Consents.Select(c => c.State));
    }

    [Fact]
    public async Task List_Paging_VisitsEveryConsentOnce_NewestFirst()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var registered = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            registered.Add((await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder))).ConsentId);
        }

        var seen = new List<string>();
        var sizes = new List<int>();
        var request = new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, Page = new PageRequest { PageSize = 2 } };
        do
        {
            var page = await enschede.ListAsync(request);
            sizes.Add(page.Consents.Count);
            seen.AddRange(page.Consents.Select(c => c.ConsentId));
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(Enumerable.Reverse(registered), seen);
    }

    [Fact]
    public async Task List_PageTokenWithOtherFiltersOrMalformed_InvalidArgument_NegativePageSize_InvalidArgument()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        for (var i = 0; i < 2; i++)
        {
            await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        }

        var first = await enschede.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, Page = new PageRequest { PageSize = 1 } });
        var token = first.Page.NextPageToken;
        Assert.NotEmpty(token);

        var otherInactive = await FailsAsync(() => enschede.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, IncludeInactive = true, Page = new PageRequest { PageSize = 1, PageToken = token } }));
        var otherSubject = await FailsAsync(() => enschede.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = TestBsn.Next() }, Page = new PageRequest { PageSize = 1, PageToken = token } }));
        var garbage = await FailsAsync(() => enschede.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, Page = new PageRequest { PageToken = "bm90IGEgdG9rZW4" } }));
        var negative = await FailsAsync(() => enschede.ListAsync(new ListConsentsRequest { Subject = new Subject { Bsn = bsn }, Page = new PageRequest { PageSize = -1 } }));
        var noSubject = await FailsAsync(() => enschede.ListAsync(new ListConsentsRequest()));

        AssertViolations(otherInactive, "page.page_token");
        AssertViolations(otherSubject, "page.page_token");
        AssertViolations(garbage, "page.page_token");
        AssertViolations(negative, "page.page_size");
        AssertViolations(noSubject, "subject");
    }

    [Fact]
    public async Task List_BySubjectRef_IssuedToCaller_Works_OfAnotherOrganisation_NotFound()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var hengelo = await fixture.ClientAsync(Twente.Hengelo);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));
        var byRef = new ListConsentsRequest { Subject = new Subject { SubjectRef = consent.Subject.SubjectRef } };

        var own = await enschede.ListAsync(byRef);
        var other = await FailsAsync(() => hengelo.ListAsync(byRef));

        Assert.Equal(consent.ConsentId, Assert.Single(own.Consents).ConsentId);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task List_UnknownBsn_EmptyList_LogsTheRead()
    {
        var hengelo = await fixture.ClientAsync(Twente.Hengelo);
        var before = await ConsentTestDatabase.ScalarAsync(fixture.Hub, "SELECT COUNT(*) FROM processing_record WHERE requesting_oin = @oin AND action = 1", ("@oin", Twente.Hengelo));

        var list = await hengelo.ListAsync(TestBsn.Next());

        Assert.Empty(list.Consents);
        Assert.Equal(before + 1, await ConsentTestDatabase.ScalarAsync(fixture.Hub, "SELECT COUNT(*) FROM processing_record WHERE requesting_oin = @oin AND action = 1", ("@oin", Twente.Hengelo)));
    }

    [Fact]
    public async Task List_TokenWithoutConsentRead_PermissionDenied()
    {
        using var writer = await fixture.NewClientAsync(Twente.Enschede, "consent.write");

        var ex = await FailsAsync(() => writer.ListAsync(TestBsn.Next()));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class ConsentListOnSqliteTests(SqliteTwenteHub fixture) : ConsentListTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>On PostgreSQL.</summary>
public sealed class ConsentListOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ConsentListTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
