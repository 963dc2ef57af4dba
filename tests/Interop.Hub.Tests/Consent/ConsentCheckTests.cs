using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.Consent.ConsentRequests;

namespace Interop.Hub.Tests.Consent;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>ConsentService.CheckConsent end to end: who a consent covers, for what, and when.</summary>
public abstract class ConsentCheckTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Check_NamedGrantee_PermittedOnTheConsent_WithValidUntil()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var bsn = TestBsn.Next();
        var request = Register(bsn, Twente.Zorgaanbieder);
        request.ValidUntil = FromNow(TimeSpan.FromDays(90));
        var consent = await enschede.RegisterAsync(request);

        var answer = await zorg.CheckAsync(Check(bsn));

        Assert.True(answer.Permitted);
        Assert.Equal(consent.ConsentId, answer.LegalBasis.ConsentId);
        Assert.Equal([DataCategory.Case], answer.PermittedCategories);
        Assert.Equal(consent.ValidUntil, answer.ValidUntil);
    }

    [Fact]
    public async Task Check_ForAnotherOrganisationByOin_AnswersForThatOrganisation()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));

        var forGrantee = await enschede.CheckAsync(Check(bsn, Twente.Zorgaanbieder));
        var forCaller = await enschede.CheckAsync(Check(bsn));
        var forOther = await enschede.CheckAsync(Check(bsn, Twente.Jeugdhulp));

        Assert.True(forGrantee.Permitted);
        Assert.Equal(consent.ConsentId, forGrantee.LegalBasis.ConsentId);
        Assert.False(forCaller.Permitted);
        Assert.False(forOther.Permitted);
        Assert.Null(forOther.LegalBasis);
        Assert.Null(forOther.ValidUntil);
    }

    [Fact]
    public async Task Check_NotTheGrantee_NotPermitted()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));

        var jeugdhulp = await (await fixture.ClientAsync(Twente.Jeugdhulp)).CheckAsync(Check(bsn));
        var hengelo = await (await fixture.ClientAsync(Twente.Hengelo)).CheckAsync(Check(bsn));

        Assert.False(jeugdhulp.Permitted);
        Assert.False(hengelo.Permitted);
        Assert.Empty(hengelo.PermittedCategories);
    }

    [Fact]
    public async Task Check_KindGrantWithRegion_PermitsThatKindInTheRegionOnly()
    {
        var rmc = await fixture.ClientAsync(Twente.RmcTwente);
        var bsn = TestBsn.Next();
        var consent = await rmc.RegisterAsync(RegisterForKind(bsn, OrganisationKind.Gemeente, "RMC38"));

        var hengelo = await (await fixture.ClientAsync(Twente.Hengelo)).CheckAsync(Check(bsn));
        var almelo = await (await fixture.ClientAsync(Twente.Almelo)).CheckAsync(Check(bsn));
        var jeugdhulpSameRegion = await (await fixture.ClientAsync(Twente.Jeugdhulp)).CheckAsync(Check(bsn));

        Assert.True(hengelo.Permitted);
        Assert.Equal(consent.ConsentId, hengelo.LegalBasis.ConsentId);
        Assert.False(almelo.Permitted);
        Assert.False(jeugdhulpSameRegion.Permitted);
    }

    [Fact]
    public async Task Check_KindGrantWithoutRegion_PermitsThatKindEverywhere()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        await enschede.RegisterAsync(RegisterForKind(bsn, OrganisationKind.Gemeente));

        var almelo = await (await fixture.ClientAsync(Twente.Almelo)).CheckAsync(Check(bsn));
        var hengeloAsked = await enschede.CheckAsync(Check(bsn, Twente.Hengelo));
        var zorg = await enschede.CheckAsync(Check(bsn, Twente.Zorgaanbieder));

        Assert.True(almelo.Permitted);
        Assert.True(hengeloAsked.Permitted);
        Assert.False(zorg.Permitted);
    }

    [Fact]
    public async Task Check_OtherPurposeOrLeefgebied_NotPermitted()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var bsn = TestBsn.Next();
        await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        var otherLeefgebied = Check(bsn);
        otherLeefgebied.Leefgebied = Leefgebied.Wonen;
        var otherPurpose = Check(bsn);
        otherPurpose.Purpose.Code = OtherPurpose;

        Assert.False((await zorg.CheckAsync(otherLeefgebied)).Permitted);
        Assert.False((await zorg.CheckAsync(otherPurpose)).Permitted);
        Assert.True((await zorg.CheckAsync(Check(bsn))).Permitted);
    }

    [Fact]
    public async Task Check_CategoryOutsideConsent_NotPermitted_CoveredSubsetListed()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var bsn = TestBsn.Next();
        await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));

        var answer = await zorg.CheckAsync(Check(bsn, "", DataCategory.Case, DataCategory.Financial));

        Assert.False(answer.Permitted);
        Assert.Null(answer.LegalBasis);
        Assert.Equal([DataCategory.Case], answer.PermittedCategories);
    }

    [Fact]
    public async Task Check_HealthAndJustice_OnlyWhenNamed()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var broad = TestBsn.Next();
        var request = Register(broad, Twente.Zorgaanbieder);
        request.DataCategories.Add([DataCategory.Identifying, DataCategory.Contact, DataCategory.Involvement, DataCategory.Financial, DataCategory.Pseudonym, DataCategory.Professional, DataCategory.Bsn]);
        await enschede.RegisterAsync(request);
        var named = TestBsn.Next();
        var healthRequest = Register(named, Twente.Zorgaanbieder);
        healthRequest.DataCategories.Add([DataCategory.Health, DataCategory.Justice]);
        await enschede.RegisterAsync(healthRequest);

        Assert.False((await zorg.CheckAsync(Check(broad, "", DataCategory.Health))).Permitted);
        Assert.False((await zorg.CheckAsync(Check(broad, "", DataCategory.Justice))).Permitted);
        Assert.True((await zorg.CheckAsync(Check(named, "", DataCategory.Health))).Permitted);
        Assert.True((await zorg.CheckAsync(Check(named, "", DataCategory.Justice, DataCategory.Case))).Permitted);
    }

    [Fact]
    public async Task Check_NotYetValidOrExpired_NotPermitted()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var future = TestBsn.Next();
        var futureRequest = Register(future, Twente.Zorgaanbieder);
        futureRequest.ValidFrom = FromNow(TimeSpan.FromDays(7));
        await enschede.RegisterAsync(futureRequest);
        var past = TestBsn.Next();
        var pastRequest = Register(past, Twente.Zorgaanbieder);
        pastRequest.ValidFrom = FromNow(TimeSpan.FromDays(-60));
        pastRequest.ValidUntil = FromNow(TimeSpan.FromDays(-1));
        await enschede.RegisterAsync(pastRequest);

        Assert.False((await zorg.CheckAsync(Check(future))).Permitted);
        Assert.False((await zorg.CheckAsync(Check(past))).Permitted);
    }

    [Fact]
    public async Task Check_StatutoryTask_PermittedWithoutConsent_OnlyWithinTheTask()
    {
        var rmc = await fixture.ClientAsync(Twente.RmcTwente);
        var bsn = TestBsn.Next();
        var request = new CheckConsentRequest
        {
            Subject = new Subject { Bsn = bsn },
            Purpose = new Purpose { Code = "begeleiding-naar-onderwijs-of-werk" },
            Leefgebied = Leefgebied.Onderwijs,
            DataCategories = { DataCategory.Bsn, DataCategory.Case },
        };

        var task = await rmc.CheckAsync(request);
        request.DataCategories.Add(DataCategory.Health);
        var beyondTask = await rmc.CheckAsync(request);

        Assert.True(task.Permitted);
        Assert.Equal("rmc-vsv", task.LegalBasis.StatutoryTask.Code);
        Assert.NotEmpty(task.LegalBasis.StatutoryTask.LegalReference);
        Assert.Equal([DataCategory.Bsn, DataCategory.Case], task.PermittedCategories);
        Assert.Null(task.ValidUntil);
        Assert.False(beyondTask.Permitted);
    }

    [Fact]
    public async Task Check_LogsOneReadRecordPerCall()
    {
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        const string Count = "SELECT COUNT(*) FROM processing_record WHERE requesting_oin = @oin AND processing_activity_id = 'interop-toestemming' AND action = 1";
        var before = await ConsentTestDatabase.ScalarAsync(fixture.Hub, Count, ("@oin", Twente.Zorgaanbieder));

        await zorg.CheckAsync(Check(TestBsn.Next()));

        Assert.Equal(before + 1, await ConsentTestDatabase.ScalarAsync(fixture.Hub, Count, ("@oin", Twente.Zorgaanbieder)));
    }

    [Fact]
    public async Task Check_BadFields_AllListed()
    {
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);

        var empty = await FailsAsync(() => zorg.CheckAsync(new CheckConsentRequest()));
        var wrong = await FailsAsync(() => zorg.CheckAsync(new CheckConsentRequest
        {
            Subject = new Subject { Bsn = "12345678" },
            GranteeOin = "0000000100123456700X",
            Purpose = new Purpose { Code = "onbekend" },
            Leefgebied = (Leefgebied)77,
            DataCategories = { DataCategory.Case, DataCategory.Case, DataCategory.Unspecified },
        }));
        var unknownGrantee = await FailsAsync(() => zorg.CheckAsync(Check(TestBsn.Next(), "00000001999999999000")));

        AssertViolations(empty, "subject", "purpose.code", "leefgebied", "data_categories");
        AssertViolations(wrong, "subject.bsn", "grantee_oin", "purpose.code", "leefgebied", "data_categories[1]", "data_categories[2]");
        AssertViolations(unknownGrantee, "grantee_oin");
    }

    [Fact]
    public async Task Check_SubjectRefOfAnotherOrganisation_NotFound()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));
        var request = Check(TestBsn.Next());
        request.Subject = new Subject { SubjectRef = consent.Subject.SubjectRef };
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);

        var ex = await FailsAsync(() => zorg.CheckAsync(request));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class ConsentCheckOnSqliteTests(SqliteTwenteHub fixture) : ConsentCheckTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>On PostgreSQL.</summary>
public sealed class ConsentCheckOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ConsentCheckTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
