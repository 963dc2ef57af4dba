using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.JongereStatus.StatusScenario;

namespace Interop.Hub.Tests.JongereStatus;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>StatusService.GetJongereStatus, each part filtered by the requester's basis, end to end.</summary>
public abstract class JongereStatusTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private StatusTables Tables => new(fixture.Hub);

    [Fact]
    public async Task NoBasis_ShowsOnlyRegisseurContactable_AndNoConsentReasons()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();

        var status = await StatusAsync(fixture, Twente.Jeugdhulp, Bsn(bsn), Zorg);

        Assert.True(status.RegisseurContactable);
        Assert.Empty(status.SubjectRef);
        Assert.False(status.Known.Known);
        AssertWithheld(status, WithheldReason.NoConsent);
        Assert.NotNull(status.AsOfTime);
        var record = Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.Jeugdhulp));
        Assert.Equal((long)ProcessingAction.Read, record.Action);
        Assert.Equal(0, record.LegalBasisKind);
        Assert.Equal([DataCategory.Bsn], record.Categories);
        Assert.Equal(Zorg, record.PurposeCode);
    }

    [Fact]
    public async Task UnknownJongere_AnswersExactlyAsAKnownOneWithoutBasis()
    {
        var (known, _) = await KnownJongereAsync(fixture);

        var unknownStatus = await StatusAsync(fixture, Twente.Jeugdhulp, Bsn(TestBsn.Next()), Zorg);
        var knownStatus = await StatusAsync(fixture, Twente.Jeugdhulp, Bsn(known), Zorg);

        unknownStatus.AsOfTime = null;
        knownStatus.AsOfTime = null;
        Assert.Equal(knownStatus, unknownStatus);
        Assert.False(unknownStatus.RegisseurContactable);
        AssertWithheld(unknownStatus, WithheldReason.NoConsent);
    }

    [Fact]
    public async Task AskedAgain_ByBsnOrByRef_GivesTheSameSubjectRef_WhichResolvesToTheJongere()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);

        // The first answer to the RMC issues its subject_ref; later ones find it issued and give the same one.
        var first = await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs);
        var again = await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs);
        var byRef = await StatusAsync(fixture, Twente.RmcTwente, new Subject { SubjectRef = first.SubjectRef }, Onderwijs);

        Assert.NotEmpty(first.SubjectRef);
        Assert.Equal(first.SubjectRef, again.SubjectRef);
        Assert.Equal(first.SubjectRef, byRef.SubjectRef);
        Assert.Equal(pseudonym, await Tables.PseudonymAsync(Twente.RmcTwente, first.SubjectRef));
        Assert.Equal(first.Involvements, byRef.Involvements);
        Assert.Equal(3, (await Tables.ProcessingRecordsAsync(pseudonym, Twente.RmcTwente)).Count(r => r.Action == (long)ProcessingAction.Read));
    }

    [Fact]
    public async Task UnknownJongere_WithStatutoryTask_KnownVisibleFalse()
    {
        var status = await StatusAsync(fixture, Twente.RmcTwente, Bsn(TestBsn.Next()), Onderwijs);

        Assert.Equal(Visibility.Visible, status.Known.Disclosure.Visibility);
        Assert.False(status.Known.Known);
        Assert.NotEmpty(status.SubjectRef);
        Assert.Empty(status.Involvements.Involvements);
        Assert.Equal(LeefgebiedState.NoActivity, status.Leefgebieden[0].State);
    }

    [Fact]
    public async Task UnknownJongere_FirstNamedByAStatusRead_IsRegisteredWithItsBsnEncrypted()
    {
        // A status read encrypts the BSN only when it registers the jongere (here: the RMC's first subject_ref of a
        // jongere the hub did not know); the stored form must still be the BSN, bound to the jongere's pseudonym.
        var bsn = TestBsn.Next();
        var status = await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs);
        var pseudonym = await Tables.PseudonymAsync(Twente.RmcTwente, status.SubjectRef);

        Assert.Equal(bsn, await new Notifications.HubDatabaseAccess(fixture.Hub).StoredBsnAsync(pseudonym));
        Assert.Equal(pseudonym, new Notifications.HubDatabaseAccess(fixture.Hub).Pseudonymizer.Pseudonymize(Interop.Privacy.Bsn.Parse(bsn)));
    }

    [Fact]
    public async Task Consent_CoveringEverything_ShowsEveryPart_AndRecordsTheDisclosure()
    {
        var (bsn, pseudonym, ids) = await HistoryAsync();
        var consentId = await Tables.InsertConsentAsync(pseudonym, Twente.Hengelo, Zorg, LeefgebiedenAll, [DataCategory.Involvement]);

        var status = await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Zorg);

        foreach (var disclosure in Disclosures(status))
        {
            Assert.Equal(Visibility.Visible, disclosure.Visibility);
            Assert.Equal(WithheldReason.Unspecified, disclosure.WithheldReason);
            Assert.Equal(consentId, disclosure.LegalBasis.ConsentId);
        }

        Assert.NotEmpty(status.SubjectRef);
        Assert.True(status.Known.Known);
        Assert.True(status.RegisseurContactable);
        Assert.Equal([Twente.Enschede], status.Involvements.Involvements.Select(i => i.Organisation.Oin));
        Assert.Equal(Twente.Enschede, status.Regisseur.Regisseur.Organisation.Oin);
        Assert.Equal("Gemeente Enschede", status.Regisseur.Regisseur.Organisation.DisplayName);
        Assert.Equal([ids.SubmittedReferral, ids.AcceptedReferral], status.OpenReferrals.Referrals.Select(r => r.ReferralId));
        var submitted = status.OpenReferrals.Referrals[0];
        Assert.Equal(Twente.Enschede, submitted.Sender.Oin);
        Assert.Equal(Twente.Zorgaanbieder, submitted.Receiver.Oin);
        Assert.Equal(ReferralStatus.Submitted, submitted.Status);
        Assert.Equal([Leefgebied.Zorg], submitted.Leefgebieden);
        var handover = Assert.Single(status.OpenHandovers.Handovers);
        Assert.Equal(ids.OfferedHandover, handover.HandoverId);
        Assert.Equal(Twente.Almelo, handover.ToOrganisation.Oin);
        Assert.Equal(HandoverReason.Transition18, handover.Reason);

        Assert.Equal(LeefgebiedenAll, status.Leefgebieden.Select(l => l.Leefgebied));
        Assert.Equal(LeefgebiedState.Attention, State(status, Leefgebied.Onderwijs));
        Assert.Equal(LeefgebiedState.Attention, State(status, Leefgebied.Zorg));
        Assert.Equal(LeefgebiedState.InProgress, State(status, Leefgebied.WerkEnInkomen));
        Assert.Equal(LeefgebiedState.NoActivity, State(status, Leefgebied.Wonen));
        Assert.Equal([Twente.Enschede, Twente.Zorgaanbieder], status.Leefgebieden.Single(l => l.Leefgebied == Leefgebied.Zorg).Organisations.Select(o => o.Oin));

        var record = Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.Hengelo));
        Assert.Equal((long)ProcessingAction.Read, record.Action);
        Assert.Equal(consentId, record.LegalBasisValue);
        Assert.Equal(Zorg, record.PurposeCode);
        Assert.Equal([DataCategory.Pseudonym, DataCategory.Involvement, DataCategory.Professional], record.Categories);
        Assert.Equal(1, await Tables.DisclosureCountAsync(consentId, Twente.Hengelo));
    }

    [Fact]
    public async Task RevokedConsent_WithheldConsentRevoked()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();
        await Tables.InsertConsentAsync(pseudonym, Twente.Hengelo, Zorg, LeefgebiedenAll, [DataCategory.Involvement], revokeTime: StatusTables.At(TimeSpan.FromMinutes(-1)));

        var status = await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Zorg);

        AssertWithheld(status, WithheldReason.ConsentRevoked);
        Assert.Empty(status.SubjectRef);
    }

    [Fact]
    public async Task ExpiredOrNotYetValidConsent_WithheldConsentNotValid()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();
        await Tables.InsertConsentAsync(pseudonym, Twente.Hengelo, Zorg, LeefgebiedenAll, [DataCategory.Involvement],
            validFrom: StatusTables.At(TimeSpan.FromDays(-30)), validUntil: StatusTables.At(TimeSpan.FromDays(-1)));
        await Tables.InsertConsentAsync(pseudonym, Twente.Almelo, Zorg, LeefgebiedenAll, [DataCategory.Involvement],
            validFrom: StatusTables.At(TimeSpan.FromDays(1)));

        AssertWithheld(await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Zorg), WithheldReason.ConsentNotValid);
        var almelo = await StatusAsync(fixture, Twente.Almelo, Bsn(bsn), Zorg);
        // Almelo is party to the open handover: that stays visible to it, everything else is withheld.
        Assert.Equal(WithheldReason.ConsentNotValid, almelo.Known.Disclosure.WithheldReason);
        Assert.Single(almelo.OpenHandovers.Handovers);
        Assert.Equal(WithheldReason.ConsentNotValid, almelo.OpenHandovers.Disclosure.WithheldReason);
    }

    [Fact]
    public async Task ConsentOnOtherLeefgebieden_OutsideConsentOnThose_VisibleOnItsOwn()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();
        var consentId = await Tables.InsertConsentAsync(pseudonym, Twente.Hengelo, Zorg, [Leefgebied.Onderwijs], [DataCategory.Involvement]);

        var status = await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Zorg);

        Assert.Equal(consentId, status.Known.Disclosure.LegalBasis.ConsentId);
        Assert.Equal(Visibility.Visible, status.Involvements.Disclosure.Visibility);
        var onderwijs = status.Leefgebieden.Single(l => l.Leefgebied == Leefgebied.Onderwijs);
        Assert.Equal(Visibility.Visible, onderwijs.Disclosure.Visibility);
        Assert.Equal([Twente.Enschede], onderwijs.Organisations.Select(o => o.Oin));
        foreach (var other in status.Leefgebieden.Where(l => l.Leefgebied != Leefgebied.Onderwijs))
        {
            Assert.Equal(WithheldReason.OutsideConsent, other.Disclosure.WithheldReason);
            Assert.Equal(LeefgebiedState.Unspecified, other.State);
            Assert.Empty(other.Organisations);
        }

        // The open referrals are on zorg and werk en inkomen: outside the consent.
        Assert.Equal(WithheldReason.OutsideConsent, status.OpenReferrals.Disclosure.WithheldReason);
        Assert.Empty(status.OpenReferrals.Referrals);
    }

    [Fact]
    public async Task ConsentForOtherCategoriesOrPurpose_OutsideConsent()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();
        await Tables.InsertConsentAsync(pseudonym, Twente.Hengelo, Zorg, LeefgebiedenAll, [DataCategory.Pseudonym]);
        await Tables.InsertConsentAsync(pseudonym, Twente.Almelo, "huisvesting", LeefgebiedenAll, [DataCategory.Involvement]);

        AssertWithheld(await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Zorg), WithheldReason.OutsideConsent);
        Assert.Equal(WithheldReason.OutsideConsent, (await StatusAsync(fixture, Twente.Almelo, Bsn(bsn), Zorg)).Known.Disclosure.WithheldReason);
    }

    [Fact]
    public async Task StatutoryTask_ShowsWhatTheTaskCovers()
    {
        var (bsn, pseudonym, _) = await HistoryAsync();

        var status = await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs);

        Assert.Equal("rmc-vsv", status.Known.Disclosure.LegalBasis.StatutoryTask.Code);
        Assert.NotEmpty(status.Known.Disclosure.LegalBasis.StatutoryTask.LegalReference);
        Assert.True(status.Known.Known);
        Assert.NotEmpty(status.SubjectRef);
        Assert.Equal([Twente.Enschede], status.Involvements.Involvements.Select(i => i.Organisation.Oin));
        Assert.Equal(Twente.Enschede, status.Regisseur.Regisseur.Organisation.Oin);
        Assert.Equal(Visibility.Visible, status.Leefgebieden.Single(l => l.Leefgebied == Leefgebied.Onderwijs).Disclosure.Visibility);
        Assert.Equal(LeefgebiedState.InProgress, State(status, Leefgebied.WerkEnInkomen));
        Assert.Equal(WithheldReason.NoConsent, status.Leefgebieden.Single(l => l.Leefgebied == Leefgebied.Zorg).Disclosure.WithheldReason);
        // One open referral is on zorg, which rmc-vsv does not cover.
        Assert.Equal(WithheldReason.NoConsent, status.OpenReferrals.Disclosure.WithheldReason);

        var record = Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.RmcTwente));
        Assert.Equal(2, record.LegalBasisKind);
        Assert.Equal("rmc-vsv", record.LegalBasisValue);
        Assert.Contains(DataCategory.Involvement, record.Categories);
    }

    [Fact]
    public async Task OwnInvolvementAndReferrals_AlwaysVisible()
    {
        var (bsn, _, ids) = await HistoryAsync();
        await RegisterAsync(fixture, Twente.RocVanTwente, bsn, Task("verzuimmelding"), Leefgebied.Onderwijs);

        // No basis for the zorg purpose: only the ROC's own involvement and own referral show.
        var status = await StatusAsync(fixture, Twente.RocVanTwente, Bsn(bsn), Zorg);

        Assert.Equal(WithheldReason.NoConsent, status.Involvements.Disclosure.WithheldReason);
        Assert.Equal([Twente.RocVanTwente], status.Involvements.Involvements.Select(i => i.Organisation.Oin));
        Assert.Equal(WithheldReason.NoConsent, status.OpenReferrals.Disclosure.WithheldReason);
        Assert.Equal([ids.AcceptedReferral], status.OpenReferrals.Referrals.Select(r => r.ReferralId));
        Assert.Null(status.Regisseur.Regisseur);
        Assert.Empty(status.OpenHandovers.Handovers);
        Assert.True(status.Known.Known);
        Assert.NotEmpty(status.SubjectRef);
    }

    [Fact]
    public async Task EveryBadField_ListedAtOnce()
    {
        var client = await ClientAsync(fixture, Twente.Hengelo);

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetJongereStatusAsync(new GetJongereStatusRequest()).ResponseAsync.WaitAsync(CallTimeout));
        var wrong = await Assert.ThrowsAsync<RpcException>(() => client.GetJongereStatusAsync(new GetJongereStatusRequest
        {
            Subject = new Subject { Bsn = "111111111" },
            Purpose = new Purpose { Code = "nieuwsgierigheid" },
        }).ResponseAsync.WaitAsync(CallTimeout));
        var both = await Assert.ThrowsAsync<RpcException>(() => client.GetJongereStatusAsync(new GetJongereStatusRequest
        {
            Subject = new Subject { Bsn = TestBsn.Next(), SubjectRef = "abc" },
            Purpose = new Purpose { Code = Zorg },
        }).ResponseAsync.WaitAsync(CallTimeout));

        Assert.All([missing, wrong, both], ex => Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode));
        Assert.Equal(["subject", "purpose.code"], RpcErrorDetails.GetBadRequest(missing).FieldViolations.Select(v => v.Field));
        Assert.Equal(["subject.bsn", "purpose.code"], RpcErrorDetails.GetBadRequest(wrong).FieldViolations.Select(v => v.Field));
        Assert.Equal(["subject"], RpcErrorDetails.GetBadRequest(both).FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task SubjectRefOfAnotherOrganisation_NotFound()
    {
        var (bsn, _) = await KnownJongereAsync(fixture);
        var enschedeRef = (await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs)).SubjectRef;

        var own = await StatusAsync(fixture, Twente.Enschede, new Subject { SubjectRef = enschedeRef }, Onderwijs);
        var ex = await Assert.ThrowsAsync<RpcException>(() => StatusAsync(fixture, Twente.Hengelo, new Subject { SubjectRef = enschedeRef }, Onderwijs));

        Assert.Equal(enschedeRef, own.SubjectRef);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    private static readonly Leefgebied[] LeefgebiedenAll =
    [
        Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.Veiligheid,
        Leefgebied.NetwerkEnVrijeTijd, Leefgebied.FinancienSchulden,
    ];

    /// <summary>
    /// A jongere with history: Enschede involved (onderwijs) and holding the plan as regisseur; open referrals
    /// Enschede -> Zorgaanbieder (zorg, submitted) and ROC -> Enschede (werk en inkomen, accepted); a declined
    /// referral (wonen); a handover Enschede -> Almelo offered and one declined.
    /// </summary>
    private async Task<(string Bsn, string Pseudonym, HistoryIds Ids)> HistoryAsync()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        var submitted = await Tables.InsertReferralAsync(pseudonym, Twente.Enschede, Twente.Zorgaanbieder, ReferralStatus.Submitted, Leefgebied.Zorg);
        var accepted = await Tables.InsertReferralAsync(pseudonym, Twente.RocVanTwente, Twente.Enschede, ReferralStatus.Accepted, Leefgebied.WerkEnInkomen);
        await Tables.InsertReferralAsync(pseudonym, Twente.Enschede, Twente.Hengelo, ReferralStatus.Declined, Leefgebied.Wonen);
        // The plan goes through the real service (its content is encrypted): Enschede holds it and is regisseur.
        var plans = new PlanHandoverService.PlanHandoverServiceClient((await fixture.ClientAsync(Twente.Enschede)).CallInvoker);
        var plan = (await plans.RecordPlanAsync(new RecordPlanRequest
        {
            Subject = new Subject { Bsn = bsn },
            Regisseur = new Regisseur { Team = "Jongerenteam", ContactName = "A. de Vries" },
        })).PlanId;
        var offered = await Tables.InsertHandoverAsync(pseudonym, plan, Twente.Enschede, Twente.Almelo, HandoverStatus.Offered);
        await Tables.InsertHandoverAsync(pseudonym, plan, Twente.Enschede, Twente.Hengelo, HandoverStatus.Declined);
        return (bsn, pseudonym, new HistoryIds(submitted, accepted, offered));
    }

    private static LeefgebiedState State(GetJongereStatusResponse status, Leefgebied leefgebied) =>
        status.Leefgebieden.Single(l => l.Leefgebied == leefgebied).State;

    private static IEnumerable<Disclosure> Disclosures(GetJongereStatusResponse status) =>
        new[] { status.Known.Disclosure, status.Involvements.Disclosure, status.Regisseur.Disclosure, status.OpenReferrals.Disclosure, status.OpenHandovers.Disclosure }
            .Concat(status.Leefgebieden.Select(l => l.Disclosure));

    private static void AssertWithheld(GetJongereStatusResponse status, WithheldReason reason)
    {
        foreach (var disclosure in Disclosures(status))
        {
            Assert.Equal(Visibility.Withheld, disclosure.Visibility);
            Assert.Equal(reason, disclosure.WithheldReason);
            Assert.Null(disclosure.LegalBasis);
        }

        Assert.Empty(status.Involvements.Involvements);
        Assert.Null(status.Regisseur.Regisseur);
        Assert.Empty(status.OpenReferrals.Referrals);
        Assert.Empty(status.OpenHandovers.Handovers);
        Assert.Equal(7, status.Leefgebieden.Count);
        Assert.All(status.Leefgebieden, l => Assert.Equal(LeefgebiedState.Unspecified, l.State));
        Assert.All(status.Leefgebieden, l => Assert.Empty(l.Organisations));
    }

    private sealed record HistoryIds(string SubmittedReferral, string AcceptedReferral, string OfferedHandover);
}

public sealed class JongereStatusOnSqliteTests(SqliteTwenteHub fixture) : JongereStatusTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

public sealed class JongereStatusOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : JongereStatusTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
