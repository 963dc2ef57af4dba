using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.Consent.ConsentRequests;

namespace Interop.Hub.Tests.Consent;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>
/// ConsentService.RevokeConsent end to end: it takes effect at once, notifies the organisations that received data
/// under the consent, is idempotent, and only organisations the consent concerns may do it.
/// </summary>
public abstract class ConsentRevokeTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Revoke_ByRecorder_CheckRefusedAtOnce_StateRevoked()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        Assert.True((await zorg.CheckAsync(Check(bsn))).Permitted);

        var revoked = await enschede.RevokeAsync(consent.ConsentId);
        var after = await zorg.CheckAsync(Check(bsn));

        Assert.False(after.Permitted);
        Assert.Null(after.LegalBasis);
        Assert.Equal(ConsentState.Revoked, revoked.State);
        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(Twente.Enschede, revoked.RevokedBy.Oin);
        Assert.Equal("Gemeente Enschede", revoked.RevokedBy.DisplayName);
        Assert.Equal(consent.Subject.SubjectRef, revoked.Subject.SubjectRef);
        Assert.Empty((await enschede.ListAsync(bsn)).Consents);
        var listed = Assert.Single((await enschede.ListAsync(bsn, includeInactive: true)).Consents);
        Assert.Equal(revoked, listed);
        Assert.Equal(1, await ConsentTestDatabase.ScalarAsync(
            fixture.Hub,
            "SELECT COUNT(*) FROM processing_record WHERE legal_basis_value = @id AND action = 3 AND requesting_oin = @oin",
            ("@id", consent.ConsentId), ("@oin", Twente.Enschede)));
        var stored = await ConsentTestDatabase.TextAsync(fixture.Hub, "SELECT revoke_details FROM consent WHERE consent_id = @id", ("@id", consent.ConsentId));
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain("MW-5678", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(stored)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_QueuesConsentRevoked_ForEveryRecipientAndTheGrantee_OnceEach_WithTheirOwnSubjectRef()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        // Earlier exchanges under the consent, as LegalBasis.ConsentDisclosures records them.
        await ConsentTestDatabase.AddDisclosureAsync(fixture.Hub, consent.ConsentId, Twente.Zorgaanbieder);
        await ConsentTestDatabase.AddDisclosureAsync(fixture.Hub, consent.ConsentId, Twente.Jeugdhulp);
        await ConsentTestDatabase.AddDisclosureAsync(fixture.Hub, consent.ConsentId, Twente.Hengelo);

        var revoked = await enschede.RevokeAsync(consent.ConsentId);
        var events = await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId);

        Assert.Equal([Twente.Hengelo, Twente.Zorgaanbieder, Twente.Jeugdhulp], events.Select(e => e.Recipient).Order(StringComparer.Ordinal));
        Assert.All(events, e =>
        {
            Assert.Equal(revoked.RevokeTime, e.Event.ConsentRevoked.RevokeTime);
            Assert.NotEmpty(e.Event.EventId);
            Assert.NotEmpty(e.Event.SubjectRef);
            Assert.NotEqual(consent.Subject.SubjectRef, e.Event.SubjectRef);
        });
        Assert.Equal(3, events.Select(e => e.Event.SubjectRef).Distinct().Count());

        // Each notification is a disclosure to its recipient, logged under the consent it concerns.
        var disclosures = await ConsentTestDatabase.DisclosureRecordsAsync(fixture.Hub, consent.ConsentId);
        Assert.Equal([Twente.Hengelo, Twente.Zorgaanbieder, Twente.Jeugdhulp], disclosures.Select(d => d.Recipient).Order(StringComparer.Ordinal));
        Assert.All(disclosures, d => Assert.Equal((Twente.Enschede, "interop-toestemming", ((int)DataCategory.Pseudonym).ToString(System.Globalization.CultureInfo.InvariantCulture)), (d.Source, d.Activity, d.Categories)));

        // Each ref is the recipient's own: the grantee finds the consent with it, the others are not refused it.
        var zorgRef = events.Single(e => e.Recipient == Twente.Zorgaanbieder).Event.SubjectRef;
        var zorgList = await (await fixture.ClientAsync(Twente.Zorgaanbieder)).ListAsync(
            new ListConsentsRequest { Subject = new Subject { SubjectRef = zorgRef }, IncludeInactive = true });
        Assert.Equal(consent.ConsentId, Assert.Single(zorgList.Consents).ConsentId);
        var hengeloRef = events.Single(e => e.Recipient == Twente.Hengelo).Event.SubjectRef;
        await (await fixture.ClientAsync(Twente.Hengelo)).ListAsync(new ListConsentsRequest { Subject = new Subject { SubjectRef = hengeloRef } });
    }

    [Fact]
    public async Task Revoke_NoDisclosures_NotifiesTheNamedGranteeOnly()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));

        await enschede.RevokeAsync(consent.ConsentId);

        var events = await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId);
        Assert.Equal([Twente.Zorgaanbieder], events.Select(e => e.Recipient));
    }

    [Fact]
    public async Task Revoke_KindGrantWithoutDisclosures_NotifiesNobody()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var consent = await enschede.RegisterAsync(RegisterForKind(TestBsn.Next(), OrganisationKind.Zorgaanbieder));

        await enschede.RevokeAsync(consent.ConsentId);

        Assert.Empty(await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId));
    }

    [Fact]
    public async Task Revoke_ByNamedGrantee_Allowed_AndTheGranteeIsNotifiedToo()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));

        var revoked = await zorg.RevokeAsync(consent.ConsentId);

        Assert.Equal(ConsentState.Revoked, revoked.State);
        Assert.Equal(Twente.Zorgaanbieder, revoked.RevokedBy.Oin);
        Assert.NotEqual(consent.Subject.SubjectRef, revoked.Subject.SubjectRef);
        Assert.False((await zorg.CheckAsync(Check(bsn))).Permitted);
        Assert.Equal([Twente.Zorgaanbieder], (await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId)).Select(e => e.Recipient));
    }

    [Fact]
    public async Task Revoke_ByOrganisationOfTheGrantedKindInRegion_Allowed_OutsideRegion_NotFound()
    {
        var rmc = await fixture.ClientAsync(Twente.RmcTwente);
        var consent = await rmc.RegisterAsync(RegisterForKind(TestBsn.Next(), OrganisationKind.Gemeente, "RMC38"));
        var almeloClient = await fixture.ClientAsync(Twente.Almelo);

        var almelo = await FailsAsync(() => almeloClient.RevokeAsync(consent.ConsentId));
        var revoked = await (await fixture.ClientAsync(Twente.Hengelo)).RevokeAsync(consent.ConsentId);

        Assert.Equal(StatusCode.NotFound, almelo.StatusCode);
        Assert.Equal(Twente.Hengelo, revoked.RevokedBy.Oin);
    }

    [Fact]
    public async Task Revoke_ByUnrelatedOrganisation_NotFound_ConsentStillApplies_NothingQueued()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var jeugdhulp = await fixture.ClientAsync(Twente.Jeugdhulp);
        var bsn = TestBsn.Next();
        var consent = await enschede.RegisterAsync(Register(bsn, Twente.Zorgaanbieder));
        await ConsentTestDatabase.AddDisclosureAsync(fixture.Hub, consent.ConsentId, Twente.Zorgaanbieder);
        var unknownId = Guid.NewGuid().ToString("D");

        var unrelated = await FailsAsync(() => jeugdhulp.RevokeAsync(consent.ConsentId));
        var unknown = await FailsAsync(() => jeugdhulp.RevokeAsync(unknownId));

        Assert.Equal(StatusCode.NotFound, unrelated.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(unknown.Status.Detail, unrelated.Status.Detail);
        Assert.True((await zorg.CheckAsync(Check(bsn))).Permitted);
        Assert.Equal(ConsentState.Active, Assert.Single((await enschede.ListAsync(bsn)).Consents).State);
        Assert.Empty(await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId));
    }

    [Fact]
    public async Task Revoke_Twice_ReturnsItUnchanged_NoSecondNotification()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var zorg = await fixture.ClientAsync(Twente.Zorgaanbieder);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));
        await ConsentTestDatabase.AddDisclosureAsync(fixture.Hub, consent.ConsentId, Twente.Jeugdhulp);

        var first = await enschede.RevokeAsync(consent.ConsentId);
        var again = await enschede.RevokeAsync(consent.ConsentId, "MW-9999");
        var byGrantee = await zorg.RevokeAsync(consent.ConsentId);

        Assert.Equal(first, again);
        Assert.Equal(first.RevokeTime, byGrantee.RevokeTime);
        Assert.Equal(Twente.Enschede, byGrantee.RevokedBy.Oin);
        Assert.Equal(2, (await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId)).Count);
        Assert.Equal(2, (await ConsentTestDatabase.DisclosureRecordsAsync(fixture.Hub, consent.ConsentId)).Count);
    }

    [Fact]
    public async Task Revoke_Expired_FailedPrecondition_NothingChanged()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var bsn = TestBsn.Next();
        var request = Register(bsn, Twente.Zorgaanbieder);
        request.ValidFrom = FromNow(TimeSpan.FromDays(-30));
        request.ValidUntil = FromNow(TimeSpan.FromDays(-1));
        var consent = await enschede.RegisterAsync(request);

        var ex = await FailsAsync(() => enschede.RevokeAsync(consent.ConsentId));

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        var listed = Assert.Single((await enschede.ListAsync(bsn, includeInactive: true)).Consents);
        Assert.Equal(ConsentState.Expired, listed.State);
        Assert.Null(listed.RevokeTime);
        Assert.Empty(await ConsentTestDatabase.RevocationEventsAsync(fixture.Hub, consent.ConsentId));
        // The refused attempt is in the processing log as a failed update (status ERROR).
        Assert.Equal(1, await ConsentTestDatabase.ScalarAsync(
            fixture.Hub,
            "SELECT COUNT(*) FROM processing_record WHERE legal_basis_value = @id AND action = 3 AND status = 2",
            ("@id", consent.ConsentId)));
    }

    [Fact]
    public async Task Revoke_NotYetValid_Revoked()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var request = Register(TestBsn.Next(), Twente.Zorgaanbieder);
        request.ValidFrom = FromNow(TimeSpan.FromDays(10));
        var consent = await enschede.RegisterAsync(request);

        var revoked = await enschede.RevokeAsync(consent.ConsentId);

        Assert.Equal(ConsentState.Revoked, revoked.State);
    }

    [Fact]
    public async Task Revoke_BadFields_AllListed()
    {
        var enschede = await fixture.ClientAsync(Twente.Enschede);
        var consent = await enschede.RegisterAsync(Register(TestBsn.Next(), Twente.Zorgaanbieder));

        var empty = await FailsAsync(() => enschede.RevokeAsync("", ""));
        var upperCase = await FailsAsync(() => enschede.RevokeAsync(consent.ConsentId.ToUpperInvariant(), new string('p', 101)));
        var braces = await FailsAsync(() => enschede.RevokeAsync("{" + consent.ConsentId + "}"));

        AssertViolations(empty, "consent_id", "revoked_by_professional");
        AssertViolations(upperCase, "consent_id", "revoked_by_professional");
        AssertViolations(braces, "consent_id");
        Assert.Equal(ConsentState.Active, Assert.Single((await enschede.ListAsync(new ListConsentsRequest { Subject = consent.Subject })).Consents).State);
    }
}

/// <summary>On SQLite.</summary>
public sealed class ConsentRevokeOnSqliteTests(SqliteTwenteHub fixture) : ConsentRevokeTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>On PostgreSQL.</summary>
public sealed class ConsentRevokeOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : ConsentRevokeTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
