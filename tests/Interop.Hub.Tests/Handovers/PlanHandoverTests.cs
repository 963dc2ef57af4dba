using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

/// <summary>
/// PlanHandoverService end to end (generated client, real tokens, the real hub), on every storage provider. The
/// facts are split over partial files by theme: the happy paths here, refusals, reading and listing.
/// </summary>
public abstract partial class PlanHandoverTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A made-up OIN no partner has.</summary>
    private const string UnknownOin = "00000001009999999000";

    [Fact]
    public async Task Transition18_JeugdhulpOffersEnschedeAccepts_RegieMovesHistoryKeptBothNotified()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);
        Assert.Equal(1, plan.Version);
        Assert.Equal(Twente.Jeugdhulp, plan.Holder.Oin);
        Assert.Equal("Jeugdhulp Twente", plan.Holder.DisplayName);
        Assert.Equal(Twente.Jeugdhulp, plan.Regisseur.Organisation.Oin);
        Assert.Equal("Ambulant team Oost", plan.Regisseur.Team);
        Assert.NotNull(plan.Regisseur.SinceTime);
        Assert.Equal(3, plan.Goals.Count);
        Assert.NotEmpty(plan.Subject.SubjectRef);

        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18, "Wordt 18 op 1 maart; Wmo-begeleiding wonen.");
        Assert.Equal(HandoverStatus.Offered, offer.Status);
        Assert.Equal(1, offer.Version);
        Assert.Equal(Twente.Jeugdhulp, offer.FromOrganisation.Oin);
        Assert.Equal("Gemeente Enschede", offer.ToOrganisation.DisplayName);
        Assert.Equal(plan.Version, offer.Plan.Version);
        Assert.Equal(plan.Goals, offer.Plan.Goals);

        var offeredEvent = Assert.Single(await HubTables.EventsForAsync(fixture.Hub, Twente.Enschede), e => e.HandoverOffered?.HandoverId == offer.HandoverId);
        Assert.Equal(Twente.Jeugdhulp, offeredEvent.HandoverOffered.FromOrganisation.Oin);
        Assert.Equal(HandoverReason.Transition18, offeredEvent.HandoverOffered.Reason);
        var enschedeRef = offeredEvent.SubjectRef;
        Assert.NotEmpty(enschedeRef);
        Assert.NotEqual(plan.Subject.SubjectRef, enschedeRef);

        // Enschede reads the offered plan with the subject_ref from the event, then accepts with its Wmo team.
        var seen = await GetPlanAsync(Twente.Enschede, new GetPlanRequest { Subject = new Subject { SubjectRef = enschedeRef } });
        Assert.Equal(plan.Goals, seen.Goals);
        Assert.Equal(enschedeRef, seen.Subject.SubjectRef);

        var accepted = await AcceptAsync(Twente.Enschede, offer, new Regisseur { Team = "Wmo-team Enschede Zuid", ContactName = "M. Jansen", ContactEmailAddress = "wmo-zuid@enschede.example" });
        Assert.Equal(HandoverStatus.Accepted, accepted.Status);
        Assert.Equal(2, accepted.Version);
        Assert.NotNull(accepted.DecideTime);
        Assert.Equal(enschedeRef, accepted.Plan.Subject.SubjectRef);

        var current = await GetPlanAsync(Twente.Enschede, new GetPlanRequest { PlanId = plan.PlanId });
        Assert.Equal(2, current.Version);
        Assert.Equal(Twente.Enschede, current.Holder.Oin);
        Assert.Equal(Twente.Enschede, current.Regisseur.Organisation.Oin);
        Assert.Equal("Wmo-team Enschede Zuid", current.Regisseur.Team);
        Assert.Equal("M. Jansen", current.Regisseur.ContactName);
        Assert.Equal(plan.Goals, current.Goals);
        Assert.Equal(plan.Agreements.Select(a => a.AgreementId), current.Agreements.Select(a => a.AgreementId));
        Assert.Equal(plan.CreateTime, current.CreateTime);

        // The history keeps version 1 with Jeugdhulp as holder and regisseur.
        var first = await GetPlanAsync(Twente.Enschede, new GetPlanRequest { PlanId = plan.PlanId, Version = 1 });
        Assert.Equal(Twente.Jeugdhulp, first.Holder.Oin);
        Assert.Equal("Ambulant team Oost", first.Regisseur.Team);
        Assert.Equal("2", await HubTables.ScalarAsync(fixture.Hub, $"SELECT COUNT(*) FROM plan_version WHERE plan_id = '{plan.PlanId}'"));

        var decidedEvent = Assert.Single(await HubTables.EventsForAsync(fixture.Hub, Twente.Jeugdhulp), e => e.HandoverDecided?.HandoverId == offer.HandoverId);
        Assert.Equal(HandoverStatus.Accepted, decidedEvent.HandoverDecided.Status);
        Assert.Equal(Twente.Enschede, decidedEvent.HandoverDecided.DecidedBy.Oin);
        Assert.Equal(plan.Subject.SubjectRef, decidedEvent.SubjectRef);

        // Jeugdhulp no longer holds the plan: it may not change it, and reads it only with a basis.
        var change = await Assert.ThrowsAsync<RpcException>(() => RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 2)));
        Assert.Equal(StatusCode.PermissionDenied, change.StatusCode);
        var read = await Assert.ThrowsAsync<RpcException>(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = plan.PlanId }));
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);

        // Enschede, the holder now, records the next version.
        var next = await RecordAsync(Twente.Enschede, PlanRequest(bsn, expectedVersion: 2, team: "Wmo-team Enschede Zuid", contactName: "M. Jansen"));
        Assert.Equal(3, next.Version);
        Assert.Equal(current.Regisseur.SinceTime, next.Regisseur.SinceTime);
    }

    [Fact]
    public async Task Offer_LogsTheOfferAsTheOfferersWrite_AndThePlanAsADisclosureToTheReceiver()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18, "Wordt 18 op 1 maart.");

        string Count(string where) =>
            "SELECT COUNT(*) FROM processing_record WHERE processing_activity_id = 'interop-plan-overdracht' " +
            $"AND data_subject_ref = (SELECT subject_pseudonym FROM handover WHERE handover_id = '{offer.HandoverId}') AND {where}";
        string Categories(params DataCategory[] categories) => string.Join(',', categories.Select(c => ((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // The receiver is the afnemer of the plan (as processing_log.proto defines it), the offerer the uitvoerder ...
        Assert.Equal("1", await HubTables.ScalarAsync(fixture.Hub, Count(
            $"requesting_oin = '{Twente.Enschede}' AND executing_oin = '{Twente.Jeugdhulp}' AND action = {(int)ProcessingAction.Disclose} AND data_categories = '{Categories(DataCategory.Case, DataCategory.Professional)}'")));
        // ... the offerer's own record is the offer it created, and it is not named as the one who received the plan.
        Assert.Equal("1", await HubTables.ScalarAsync(fixture.Hub, Count(
            $"requesting_oin = '{Twente.Jeugdhulp}' AND action = {(int)ProcessingAction.Create} AND data_categories = '{Categories(DataCategory.Case)}'")));
        Assert.Equal("0", await HubTables.ScalarAsync(fixture.Hub, Count(
            $"requesting_oin = '{Twente.Jeugdhulp}' AND action = {(int)ProcessingAction.Disclose}")));
    }

    [Fact]
    public async Task Decline_WithReason_PlanStaysWithOffererWhoIsNotified()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Hengelo, HandoverReason.MoveGemeente);

        var declined = await DeclineAsync(Twente.Hengelo, new DeclineHandoverRequest { HandoverId = offer.HandoverId, ExpectedVersion = 1, Reason = "Woont niet in Hengelo." });
        Assert.Equal(HandoverStatus.Declined, declined.Status);
        Assert.Equal("Woont niet in Hengelo.", declined.DeclineReason);
        Assert.Equal(2, declined.Version);
        Assert.Empty(declined.Plan.Goals);

        var current = await GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = plan.PlanId });
        Assert.Equal(1, current.Version);
        Assert.Equal(Twente.Jeugdhulp, current.Holder.Oin);
        Assert.Equal(Twente.Jeugdhulp, current.Regisseur.Organisation.Oin);

        var decided = Assert.Single(await HubTables.EventsForAsync(fixture.Hub, Twente.Jeugdhulp), e => e.HandoverDecided?.HandoverId == offer.HandoverId);
        Assert.Equal(HandoverStatus.Declined, decided.HandoverDecided.Status);

        // After declining, Hengelo no longer reads the plan; Jeugdhulp may change it and offer it elsewhere.
        var read = await Assert.ThrowsAsync<RpcException>(() => GetPlanAsync(Twente.Hengelo, new GetPlanRequest { PlanId = plan.PlanId }));
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
        var next = await RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1));
        Assert.Equal(2, next.Version);
        var again = await OfferAsync(Twente.Jeugdhulp, next, Twente.Enschede, HandoverReason.Transition18);
        Assert.Equal(HandoverStatus.Offered, again.Status);
    }

    private async Task<PlanHandoverService.PlanHandoverServiceClient> ClientAsync(string oin) =>
        new((await fixture.ClientAsync(oin).WaitAsync(Timeout)).CallInvoker);

    private async Task<Plan> RecordTwentePlanAsync(string bsn) => await RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 0));

    private async Task<Plan> RecordAsync(string oin, RecordPlanRequest request) =>
        await (await ClientAsync(oin)).RecordPlanAsync(request).ResponseAsync.WaitAsync(Timeout);

    private async Task<Plan> GetPlanAsync(string oin, GetPlanRequest request) =>
        await (await ClientAsync(oin)).GetPlanAsync(request).ResponseAsync.WaitAsync(Timeout);

    private async Task<Handover> OfferAsync(string oin, OfferHandoverRequest request) =>
        await (await ClientAsync(oin)).OfferHandoverAsync(request).ResponseAsync.WaitAsync(Timeout);

    private Task<Handover> OfferAsync(string oin, Plan plan, string to, HandoverReason reason, string explanation = "") =>
        OfferAsync(oin, new OfferHandoverRequest { PlanId = plan.PlanId, ExpectedPlanVersion = plan.Version, ToOrganisationOin = to, Reason = reason, Explanation = explanation });

    private async Task<Handover> AcceptAsync(string oin, AcceptHandoverRequest request) =>
        await (await ClientAsync(oin)).AcceptHandoverAsync(request).ResponseAsync.WaitAsync(Timeout);

    private Task<Handover> AcceptAsync(string oin, Handover handover, Regisseur? regisseur = null) =>
        AcceptAsync(oin, new AcceptHandoverRequest { HandoverId = handover.HandoverId, ExpectedVersion = handover.Version, Regisseur = regisseur ?? new Regisseur { Team = "Wmo-team" } });

    private async Task<Handover> DeclineAsync(string oin, DeclineHandoverRequest request) =>
        await (await ClientAsync(oin)).DeclineHandoverAsync(request).ResponseAsync.WaitAsync(Timeout);

    private async Task<ListHandoversResponse> ListAsync(string oin, ListHandoversRequest request) =>
        await (await ClientAsync(oin)).ListHandoversAsync(request).ResponseAsync.WaitAsync(Timeout);

    /// <summary>Runs a call that must be refused and returns its error.</summary>
    private static Task<RpcException> RefusedAsync<T>(Func<Task<T>> call) => Assert.ThrowsAsync<RpcException>(call);

    /// <summary>A plan with goals on three leefgebieden and two agreements, the caller's team as regisseur.</summary>
    private static RecordPlanRequest PlanRequest(string bsn, long expectedVersion, string team = "Ambulant team Oost", string contactName = "A. de Vries") => new()
    {
        Subject = new Subject { Bsn = bsn },
        ExpectedVersion = expectedVersion,
        Regisseur = new Regisseur { Team = team, ContactName = contactName, ContactPhoneNumber = "+31534800000" },
        Goals =
        {
            new PlanGoal { GoalId = "wonen-1", Leefgebied = Leefgebied.Wonen, Description = "Zelfstandig wonen met begeleiding.", State = PlanGoalState.InProgress },
            new PlanGoal { GoalId = "onderwijs-1", Leefgebied = Leefgebied.Onderwijs, Description = "Startkwalificatie MBO-2 halen.", State = PlanGoalState.Open, TargetTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero)) },
            new PlanGoal { GoalId = "geld-1", Leefgebied = Leefgebied.FinancienSchulden, Description = "Schulden in beeld en een budgetplan.", State = PlanGoalState.Open },
        },
        Agreements =
        {
            new PlanAgreement { AgreementId = "a1", Description = "Wekelijks gesprek met de regisseur." },
            new PlanAgreement { AgreementId = "a2", Description = "Aanmelding schuldhulp.", Responsible = new OrganisationRef { Oin = Twente.Enschede } },
        },
    };
}
