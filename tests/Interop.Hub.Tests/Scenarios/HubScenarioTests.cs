using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.Scenarios.ScenarioRequests;

namespace Interop.Hub.Tests.Scenarios;

/// <summary>
/// The end-to-end scenarios, through the generated clients over real HTTP/2 with real tokens against the
/// real hub program, on each storage provider. Each scenario uses its own synthetic jongere.
/// </summary>
public abstract class HubScenarioTests<TFixture>(TFixture hub)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task An_roc_zorg_referral_is_received_accepted_and_completed_and_the_roc_sees_the_outcome()
    {
        var bsn = TestBsn.Next();
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var gemeente = (await hub.ClientAsync(Twente.Enschede)).CallInvoker;
        using var rocEvents = EventStream.Open(roc, afterCursor: 0);
        using var gemeenteEvents = EventStream.Open(gemeente, afterCursor: 0);
        var consent = await RegisterZorgConsentAsync(roc, bsn, Twente.Enschede);

        var submitted = await new ReferralService.ReferralServiceClient(roc).SubmitReferralAsync(ZorgReferral(bsn, Twente.Enschede, consent.ConsentId));

        // The gemeente is notified, then fetches the referral (the notification carries no content).
        var received = await gemeenteEvents.WaitForAsync(e => e.ReferralReceived?.ReferralId == submitted.ReferralId);
        Assert.Equal(Twente.RocVanTwente, received.ReferralReceived.Sender.Oin);
        var referrals = new ReferralService.ReferralServiceClient(gemeente);
        var seen = await referrals.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId });
        Assert.Equal(ReferralStatus.Submitted, seen.Status);
        Assert.Equal(received.SubjectRef, seen.Subject.SubjectRef.Length > 0 ? seen.Subject.SubjectRef : received.SubjectRef);
        Assert.Equal(consent.ConsentId, seen.LegalBasis.ConsentId);

        var accepted = await referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = seen.ReferralId, ExpectedVersion = seen.Version });
        var completed = await referrals.CompleteReferralAsync(new CompleteReferralRequest
        {
            ReferralId = seen.ReferralId,
            ExpectedVersion = accepted.Version,
            Outcome = new ReferralOutcome { Code = ReferralOutcomeCode.GoalsReached, Summary = "Support at home arranged; attends school again." },
        });
        Assert.Equal(ReferralStatus.Completed, completed.Status);

        // The loop closes: the ROC is told and reads the outcome.
        await rocEvents.WaitForAsync(e => e.ReferralChanged?.ReferralId == submitted.ReferralId && e.ReferralChanged.Status == ReferralStatus.Completed);
        var outcome = await new ReferralService.ReferralServiceClient(roc).GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId });
        Assert.Equal(ReferralStatus.Completed, outcome.Status);
        Assert.Equal(ReferralOutcomeCode.GoalsReached, outcome.Outcome.Code);
        Assert.Equal("Support at home arranged; attends school again.", outcome.Outcome.Summary);
    }

    [Fact]
    public async Task A_second_gemeente_sees_only_what_consent_allows_and_is_refused_and_notified_at_once_after_revocation()
    {
        var bsn = TestBsn.Next();
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var enschede = (await hub.ClientAsync(Twente.Enschede)).CallInvoker;
        var hengelo = (await hub.ClientAsync(Twente.Hengelo)).CallInvoker;
        using var hengeloEvents = EventStream.Open(hengelo, afterCursor: 0);
        await RegisterInvolvementAsync(roc, bsn, "verzuimmelding", Leefgebied.Onderwijs);
        var enschedeConsent = await RegisterZorgConsentAsync(roc, bsn, Twente.Enschede);
        await new ReferralService.ReferralServiceClient(roc).SubmitReferralAsync(ZorgReferral(bsn, Twente.Enschede, enschedeConsent.ConsentId));

        // Without consent: nothing but that a regisseur can be contacted, each part withheld with its reason.
        var without = await ZorgStatusAsync(hengelo, bsn);
        Assert.Equal(Visibility.Withheld, without.Involvements.Disclosure.Visibility);
        Assert.Equal(WithheldReason.NoConsent, without.Involvements.Disclosure.WithheldReason);
        Assert.Empty(without.Involvements.Involvements);
        Assert.Equal(Visibility.Withheld, without.OpenReferrals.Disclosure.Visibility);
        Assert.Empty(without.OpenReferrals.Referrals);

        // With the jongere's consent for Hengelo (zorg and onderwijs, the leefgebieden of everyone involved): the
        // involvements and the open referral are visible, on that basis. A part covering a leefgebied outside the
        // consent would stay withheld as a whole.
        var consent = await RegisterZorgConsentAsync(roc, bsn, Twente.Hengelo, Leefgebied.Onderwijs);
        var with = await ZorgStatusAsync(hengelo, bsn);
        Assert.Equal(Visibility.Visible, with.Involvements.Disclosure.Visibility);
        Assert.Equal(consent.ConsentId, with.Involvements.Disclosure.LegalBasis.ConsentId);
        Assert.Contains(with.Involvements.Involvements, i => i.Organisation.Oin == Twente.RocVanTwente);
        Assert.Equal(Visibility.Visible, with.OpenReferrals.Disclosure.Visibility);
        Assert.Contains(with.OpenReferrals.Referrals, r => r.Receiver.Oin == Twente.Enschede);

        // The ROC records the revocation: Hengelo is refused at once and told, having received data under it.
        await new ConsentService.ConsentServiceClient(roc).RevokeConsentAsync(new RevokeConsentRequest { ConsentId = consent.ConsentId, RevokedByProfessional = "mentor-kees" });
        var after = await ZorgStatusAsync(hengelo, bsn);
        Assert.Equal(Visibility.Withheld, after.Involvements.Disclosure.Visibility);
        Assert.Equal(WithheldReason.ConsentRevoked, after.Involvements.Disclosure.WithheldReason);
        Assert.Empty(after.OpenReferrals.Referrals);
        var revoked = await hengeloEvents.WaitForAsync(e => e.ConsentRevoked?.ConsentId == consent.ConsentId);
        Assert.NotNull(revoked.ConsentRevoked.RevokeTime);

        // Enschede's own consent is untouched.
        var enschedeView = await ZorgStatusAsync(enschede, bsn);
        Assert.Equal(Visibility.Visible, enschedeView.OpenReferrals.Disclosure.Visibility);
    }

    [Fact]
    public async Task At_18_jeugdhulp_hands_the_plan_to_the_gemeente_wmo_team_and_the_regisseur_moves()
    {
        var bsn = TestBsn.Next();
        var jeugdhulp = (await hub.ClientAsync(Twente.Jeugdhulp)).CallInvoker;
        var gemeente = (await hub.ClientAsync(Twente.Enschede)).CallInvoker;
        using var jeugdhulpEvents = EventStream.Open(jeugdhulp, afterCursor: 0);
        using var gemeenteEvents = EventStream.Open(gemeente, afterCursor: 0);
        var fromJeugdhulp = new PlanHandoverService.PlanHandoverServiceClient(jeugdhulp);
        var plan = await fromJeugdhulp.RecordPlanAsync(new RecordPlanRequest
        {
            Subject = new Subject { Bsn = bsn },
            Regisseur = new Regisseur { Team = "Jeugdhulp ambulant", ContactName = "J. Jansen" },
            Goals =
            {
                new PlanGoal { GoalId = "wonen-1", Leefgebied = Leefgebied.Wonen, Description = "Zelfstandig wonen met begeleiding.", State = PlanGoalState.InProgress },
                new PlanGoal { GoalId = "zorg-1", Leefgebied = Leefgebied.Zorg, Description = "Behandeling afronden.", State = PlanGoalState.Open },
            },
        });

        var offer = await fromJeugdhulp.OfferHandoverAsync(new OfferHandoverRequest
        {
            PlanId = plan.PlanId,
            ExpectedPlanVersion = plan.Version,
            ToOrganisationOin = Twente.Enschede,
            Reason = HandoverReason.Transition18,
            Explanation = "Wordt 18; jeugdhulp stopt, Wmo-begeleiding nodig.",
        });
        var offered = await gemeenteEvents.WaitForAsync(e => e.HandoverOffered?.HandoverId == offer.HandoverId);
        Assert.Equal(HandoverReason.Transition18, offered.HandoverOffered.Reason);

        var accepted = await new PlanHandoverService.PlanHandoverServiceClient(gemeente).AcceptHandoverAsync(new AcceptHandoverRequest
        {
            HandoverId = offer.HandoverId,
            ExpectedVersion = offer.Version,
            Regisseur = new Regisseur { Team = "Wmo-team Enschede Zuid", ContactName = "M. de Boer" },
        });
        Assert.Equal(HandoverStatus.Accepted, accepted.Status);
        await jeugdhulpEvents.WaitForAsync(e => e.HandoverDecided?.HandoverId == offer.HandoverId && e.HandoverDecided.Status == HandoverStatus.Accepted);

        // One plan, one regisseur: now the gemeente's Wmo team; the earlier version stays in the history.
        var current = await new PlanHandoverService.PlanHandoverServiceClient(gemeente).GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId });
        Assert.Equal(Twente.Enschede, current.Holder.Oin);
        Assert.Equal(Twente.Enschede, current.Regisseur.Organisation.Oin);
        Assert.Equal("Wmo-team Enschede Zuid", current.Regisseur.Team);
        Assert.Equal(2, current.Goals.Count);
        Assert.True(current.Version > plan.Version);
        var before = await new PlanHandoverService.PlanHandoverServiceClient(gemeente).GetPlanAsync(new GetPlanRequest { PlanId = plan.PlanId, Version = plan.Version });
        Assert.Equal(Twente.Jeugdhulp, before.Regisseur.Organisation.Oin);
        await Assert.ThrowsAsync<RpcException>(() => fromJeugdhulp.OfferHandoverAsync(new OfferHandoverRequest
        {
            PlanId = plan.PlanId,
            ExpectedPlanVersion = current.Version,
            ToOrganisationOin = Twente.Hengelo,
            Reason = HandoverReason.MoveGemeente,
        }).ResponseAsync);
    }

    [Fact]
    public async Task A_second_organisation_registering_the_same_jongere_raises_a_match_for_both()
    {
        var bsn = TestBsn.Next();
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var rmc = (await hub.ClientAsync(Twente.RmcTwente)).CallInvoker;
        using var rocEvents = EventStream.Open(roc, afterCursor: 0);
        using var rmcEvents = EventStream.Open(rmc, afterCursor: 0);

        await RegisterInvolvementAsync(roc, bsn, "verzuimmelding", Leefgebied.Onderwijs);
        await RegisterInvolvementAsync(rmc, bsn, "rmc-vsv", Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen);

        var forRoc = await rocEvents.WaitForAsync(e => e.MatchFound?.OtherOrganisation.Oin == Twente.RmcTwente);
        var forRmc = await rmcEvents.WaitForAsync(e => e.MatchFound?.OtherOrganisation.Oin == Twente.RocVanTwente);
        // Each is told in its own pseudonym for the jongere: the refs differ, so they cannot be linked outside the hub.
        Assert.NotEqual(forRoc.SubjectRef, forRmc.SubjectRef);
        Assert.NotEmpty(forRoc.SubjectRef);
    }

    [Fact]
    public async Task Retried_submits_with_one_idempotency_key_yield_one_referral()
    {
        var bsn = TestBsn.Next();
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var consent = await RegisterZorgConsentAsync(roc, bsn, Twente.Enschede);
        var request = ZorgReferral(bsn, Twente.Enschede, consent.ConsentId, idempotencyKey: "retry-" + Guid.NewGuid().ToString("N"));
        var client = new ReferralService.ReferralServiceClient(roc);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.SubmitReferralAsync(request).ResponseAsync));
        var again = await client.SubmitReferralAsync(request);

        Assert.Single(results.Select(r => r.ReferralId).Append(again.ReferralId).Distinct());
        var sent = await client.ListSentReferralsAsync(new ListSentReferralsRequest { Filter = new ReferralFilter { Subject = new Subject { Bsn = bsn } } });
        Assert.Single(sent.Referrals);
    }

    [Fact]
    public async Task A_subscriber_that_drops_and_reconnects_with_its_cursor_gets_every_event_exactly_once()
    {
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var jeugdhulp = await hub.NewClientAsync(Twente.Jeugdhulp, "notifications.read");
        var referrals = new ReferralService.ReferralServiceClient(roc);
        async Task<string> SubmitAsync()
        {
            var bsn = TestBsn.Next();
            var consent = await RegisterZorgConsentAsync(roc, bsn, Twente.Jeugdhulp);
            return (await referrals.SubmitReferralAsync(ZorgReferral(bsn, Twente.Jeugdhulp, consent.ConsentId))).ReferralId;
        }

        var before = new List<string> { await SubmitAsync(), await SubmitAsync(), await SubmitAsync() };
        ulong lastProcessed;
        using (var first = EventStream.Open(jeugdhulp.CallInvoker, afterCursor: 0))
        {
            var second = await first.WaitForAsync(e => e.ReferralReceived?.ReferralId == before[1]);
            lastProcessed = second.Cursor;
        }

        // Offline: more referrals arrive and wait in the queue.
        var later = new List<string> { await SubmitAsync(), await SubmitAsync() };

        using var resumed = EventStream.Open(jeugdhulp.CallInvoker, afterCursor: lastProcessed);
        await resumed.WaitForAsync(e => e.ReferralReceived?.ReferralId == later[1]);
        var ids = resumed.Received.Where(e => e.ReferralReceived is not null).Select(e => e.ReferralReceived.ReferralId).ToList();
        Assert.Equal([before[2], later[0], later[1]], ids.Where(id => before.Contains(id) || later.Contains(id)));
        Assert.All(resumed.Received, e => Assert.True(e.Cursor > lastProcessed));
        Assert.Equal(resumed.Received.Count, resumed.Received.Select(e => e.EventId).Distinct().Count());
        jeugdhulp.Dispose();
    }
}

public sealed class HubScenarioOnSqliteTests(SqliteTwenteHub hub) : HubScenarioTests<SqliteTwenteHub>(hub), IClassFixture<SqliteTwenteHub>;

public sealed class HubScenarioOnPostgreSqlTests(PostgreSqlTwenteHub hub) : HubScenarioTests<PostgreSqlTwenteHub>(hub), IClassFixture<PostgreSqlTwenteHub>;
