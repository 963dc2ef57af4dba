using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.Consent.ConsentRequests;

namespace Interop.Hub.Tests.Consent;

/// <summary>ConsentService.RegisterConsent end to end: what is stored and returned, and every way to get it wrong.</summary>
public abstract class ConsentRegisterTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Register_Valid_ReturnsConsentWithProvenanceAndCallersSubjectRef()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var request = Register(bsn, Twente.Zorgaanbieder);
        request.Leefgebieden.Add(Leefgebied.Onderwijs);
        request.DataCategories.Add(DataCategory.Health);
        var until = FromNow(TimeSpan.FromDays(365));
        request.ValidUntil = until;

        var consent = await enschede.RegisterAsync(request);

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", consent.ConsentId);
        Assert.Empty(consent.Subject.Bsn);
        Assert.NotEmpty(consent.Subject.SubjectRef);
        Assert.NotEqual(bsn, consent.Subject.SubjectRef);
        Assert.Equal(Twente.Zorgaanbieder, consent.Grantee.OrganisationOin);
        Assert.Empty(consent.Grantee.RmcRegion);
        Assert.Equal(RegisteredPurpose, consent.Purpose.Code);
        Assert.NotEmpty(consent.Purpose.Description);
        Assert.Equal([Leefgebied.Onderwijs, Leefgebied.Zorg], consent.Leefgebieden);
        Assert.Equal([DataCategory.Case, DataCategory.Health], consent.DataCategories);
        Assert.NotNull(consent.ValidFrom);
        Assert.Equal(until.ToDateTimeOffset().ToUnixTimeMilliseconds(), consent.ValidUntil.ToDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(ConsentState.Active, consent.State);
        Assert.Null(consent.RevokeTime);
        Assert.Null(consent.RevokedBy);
        Assert.Equal(Twente.Enschede, consent.Provenance.RecordedBy.Oin);
        Assert.Equal("Gemeente Enschede", consent.Provenance.RecordedBy.DisplayName);
        Assert.Equal(OrganisationKind.Gemeente, consent.Provenance.RecordedBy.Kind);
        Assert.Equal("MW-1234", consent.Provenance.RecordedByProfessional);
        Assert.NotNull(consent.Provenance.RecordTime);
        Assert.True(consent.ValidFrom.ToDateTimeOffset() <= consent.Provenance.RecordTime.ToDateTimeOffset());
        Assert.Equal(ConsentGiver.Subject, consent.Provenance.GivenBy);
        Assert.Equal(ConsentEvidenceKind.SignedForm, consent.Provenance.Evidence.Kind);
        Assert.Equal("DOC-2026-0042", consent.Provenance.Evidence.Reference);
    }

    [Fact]
    public async Task Register_Valid_StoresPersonalDataEncryptedAndLogsOneCreateRecord()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));

        var details = await ConsentTestDatabase.TextAsync(fixture.Hub, "SELECT details FROM consent WHERE consent_id = @id", ("@id", consent.ConsentId));
        Assert.NotNull(details);
        Assert.DoesNotContain("MW-1234", details, StringComparison.Ordinal);
        var plain = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(details));
        Assert.DoesNotContain("MW-1234", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("DOC-2026-0042", plain, StringComparison.Ordinal);
        Assert.Equal(1, await ConsentTestDatabase.ScalarAsync(
            fixture.Hub,
            "SELECT COUNT(*) FROM processing_record WHERE legal_basis_value = @id AND processing_activity_id = 'interop-toestemming' AND action = 2 AND requesting_oin = @oin",
            ("@id", consent.ConsentId), ("@oin", Twente.Enschede)));
    }

    [Fact]
    public async Task Register_KindGrant_ReturnsKindAndRegion()
    {
        var rmc = await fixture.ClientAsync(Twente.RmcTwente);

        var consent = await rmc.RegisterAsync(RegisterForKind(TestBsn.Next(), OrganisationKind.Gemeente, "RMC38"));

        Assert.Equal(ConsentGrantee.GranteeOneofCase.OrganisationKind, consent.Grantee.GranteeCase);
        Assert.Equal(OrganisationKind.Gemeente, consent.Grantee.OrganisationKind);
        Assert.Equal("RMC38", consent.Grantee.RmcRegion);
        Assert.Equal(Twente.RmcTwente, consent.Provenance.RecordedBy.Oin);
    }

    [Fact]
    public async Task Register_EveryFieldWrong_ListsEveryViolation_AndStoresNothing()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var before = await CountRowsAsync();
        var request = new RegisterConsentRequest
        {
            Subject = new Subject { Bsn = "123456789" },
            Grantee = new ConsentGrantee { OrganisationOin = "123", RmcRegion = "RMC38" },
            Purpose = new Purpose(),
            Leefgebieden = { Leefgebied.Unspecified, Leefgebied.Zorg, Leefgebied.Zorg, (Leefgebied)99 },
            ValidFrom = FromNow(TimeSpan.FromDays(800)),
            ValidUntil = FromNow(TimeSpan.FromDays(700)),
            Evidence = new ConsentEvidence { Reference = new string('x', 201) },
            RecordedByProfessional = new string('p', 101),
        };

        var ex = await FailsAsync(() => enschede.RegisterAsync(request));

        AssertViolations(
            ex,
            "subject.bsn", "grantee.rmc_region", "grantee.organisation_oin", "purpose.code", "leefgebieden[0]", "leefgebieden[2]",
            "leefgebieden[3]", "data_categories", "valid_from", "valid_until", "given_by", "evidence.kind", "evidence.reference",
            "recorded_by_professional");
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Register_EmptyRequest_ListsEveryRequiredField()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);

        var ex = await FailsAsync(() => enschede.RegisterAsync(new RegisterConsentRequest()));

        AssertViolations(ex, "subject", "grantee", "purpose.code", "leefgebieden", "data_categories", "given_by", "evidence.kind", "recorded_by_professional");
    }

    [Fact]
    public async Task Register_BadGranteeOrPurposeOrText_NamesTheField_AndStoresNothing()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var before = await CountRowsAsync();
        var bsn = TestBsn.Next();

        async Task Rejects(Action<RegisterConsentRequest> change, params string[] fields)
        {
            var request = Register(bsn, Twente.Zorgaanbieder);
            change(request);
            AssertViolations(await FailsAsync(() => enschede.RegisterAsync(request)), fields);
        }

        await Rejects(r => r.Grantee.OrganisationOin = "00000001999999999000", "grantee.organisation_oin");
        await Rejects(r => r.Grantee = new ConsentGrantee { OrganisationKind = OrganisationKind.Unspecified }, "grantee.organisation_kind");
        await Rejects(r => r.Grantee = new ConsentGrantee { OrganisationKind = (OrganisationKind)42 }, "grantee.organisation_kind");
        await Rejects(r => r.Grantee = new ConsentGrantee { OrganisationKind = OrganisationKind.Gemeente, RmcRegion = "RMC-38" }, "grantee.rmc_region");
        await Rejects(r => r.Grantee = new ConsentGrantee { OrganisationKind = OrganisationKind.Gemeente, RmcRegion = new string('R', 17) }, "grantee.rmc_region");
        await Rejects(r => r.Grantee = new ConsentGrantee { RmcRegion = "RMC38" }, "grantee");
        await Rejects(r => r.Purpose.Code = "onbekend-doel", "purpose.code");
        await Rejects(r => r.Purpose.Code = "Begeleiding", "purpose.code");
        await Rejects(r => r.DataCategories.Add(DataCategory.Case), "data_categories[1]");
        await Rejects(r => r.DataCategories.Add(DataCategory.Unspecified), "data_categories[1]");
        await Rejects(r => r.RecordedByProfessional = "   ", "recorded_by_professional");
        await Rejects(r => r.RecordedByProfessional = "MW\n1234", "recorded_by_professional");
        await Rejects(r => r.GivenBy = (ConsentGiver)7, "given_by");
        await Rejects(r => r.Evidence.Kind = (ConsentEvidenceKind)9, "evidence.kind");
        await Rejects(r => r.Evidence = null, "evidence.kind");
        await Rejects(r => r.Subject = new Subject { Bsn = bsn, SubjectRef = "abc" }, "subject");
        await Rejects(r => r.Subject = new Subject { SubjectRef = "not a ref!" }, "subject.subject_ref");
        await Rejects(r => r.ValidFrom = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 1, Nanos = -5 }, "valid_from");
        await Rejects(
            r =>
            {
                r.ValidFrom = FromNow(TimeSpan.FromDays(10));
                r.ValidUntil = FromNow(TimeSpan.FromDays(10) - TimeSpan.FromSeconds(1));
            },
            "valid_until");
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Register_BySubjectRefNotIssuedToCaller_NotFound_AndStoresNothing()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var hengelo = await fixture.ClientAsync(Twente.Hengelo);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));
        var before = await CountRowsAsync();
        var request = Register(TestBsn.Next(), Twente.Zorgaanbieder);
        request.Subject = new Subject { SubjectRef = consent.Subject.SubjectRef };

        var ex = await FailsAsync(() => hengelo.RegisterAsync(request));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Register_BySubjectRefIssuedToCaller_SameJongere()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var first = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        var request = Register(bsn, Twente.Jeugdhulp);
        request.Subject = new Subject { SubjectRef = first.Subject.SubjectRef };

        var second = await enschede.RegisterAsync(request);

        Assert.Equal(first.Subject.SubjectRef, second.Subject.SubjectRef);
        Assert.Equal(2, (await enschede.ListAsync(bsn)).Consents.Count);
    }

    [Fact]
    public async Task Register_TokenWithoutConsentWrite_PermissionDenied()
    {
        using var reader = await fixture.NewClientAsync(Twente.Enschede, "consent.read");

        var ex = await FailsAsync(() => reader.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder)));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private Task<long> CountRowsAsync() => ConsentTestDatabase.ScalarAsync(
        fixture.Hub, "SELECT (SELECT COUNT(*) FROM consent) + (SELECT COUNT(*) FROM subject) + (SELECT COUNT(*) FROM subject_ref) + (SELECT COUNT(*) FROM processing_record)");
}

/// <summary>On SQLite.</summary>
public sealed class ConsentRegisterOnSqliteTests(SqliteTwenteHub fixture) : ConsentRegisterTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>On PostgreSQL.</summary>
public sealed class ConsentRegisterOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ConsentRegisterTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
