using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

public abstract partial class PlanHandoverTests<TFixture>
{
    [Fact]
    public async Task RecordPlan_SecondOrganisationForJongereWithPlan_PermissionDeniedNothingWritten()
    {
        var bsn = TestBsn.Next();
        await RecordTwentePlanAsync(bsn);
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var create = await RefusedAsync(() => RecordAsync(Twente.Enschede, PlanRequest(bsn, expectedVersion: 0)));
        var update = await RefusedAsync(() => RecordAsync(Twente.Enschede, PlanRequest(bsn, expectedVersion: 1)));

        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, update.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task RecordPlan_StaleOrFutureExpectedVersion_Aborted()
    {
        var bsn = TestBsn.Next();
        var noPlanYet = await RefusedAsync(() => RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1)));
        Assert.Equal(StatusCode.Aborted, noPlanYet.StatusCode);

        await RecordTwentePlanAsync(bsn);
        await RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1));
        var before = await HubTables.SnapshotAsync(fixture.Hub);
        var stale = await RefusedAsync(() => RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1)));
        var recreate = await RefusedAsync(() => RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 0)));

        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        Assert.Equal(StatusCode.Aborted, recreate.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task RecordPlan_EveryBadField_ListedAtOnceNothingWritten()
    {
        var request = new RecordPlanRequest
        {
            Subject = new Subject { Bsn = "123456789" },
            ExpectedVersion = -1,
            Regisseur = new Regisseur { ContactPhoneNumber = "053-4800000", ContactEmailAddress = "geen-adres" },
            Goals =
            {
                new PlanGoal { GoalId = "g", Leefgebied = Leefgebied.Unspecified, Description = "", State = PlanGoalState.Unspecified },
                new PlanGoal { GoalId = "g", Leefgebied = Leefgebied.Zorg, Description = new string('x', 2001), State = PlanGoalState.Open, TargetTime = new Timestamp { Seconds = 1, Nanos = -1 } },
            },
            Agreements =
            {
                new PlanAgreement { AgreementId = "", Description = "Iets", Responsible = new OrganisationRef { Oin = "123" } },
                new PlanAgreement { AgreementId = "b", Description = "Iets", Responsible = new OrganisationRef { Oin = UnknownOin } },
            },
        };
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var error = await RefusedAsync(() => RecordAsync(Twente.Jeugdhulp, request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = RpcErrorDetails.GetBadRequest(error).FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "subject.bsn", "expected_version", "regisseur", "regisseur.contact_phone_number", "regisseur.contact_email_address",
            "goals[0].leefgebied", "goals[0].description", "goals[0].state", "goals[1].goal_id", "goals[1].description", "goals[1].target_time",
            "agreements[0].agreement_id", "agreements[0].responsible.oin", "agreements[1].responsible.oin",
        }, fields);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task RecordPlan_WhileOffered_FailedPrecondition()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);
        await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);

        var error = await RefusedAsync(() => RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task OfferHandover_SecondWhileOneIsOpen_FailedPreconditionNothingWritten()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var sameReceiver = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18));
        var otherReceiver = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, plan, Twente.Hengelo, HandoverReason.MoveGemeente));

        Assert.Equal(StatusCode.FailedPrecondition, sameReceiver.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, otherReceiver.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task OfferHandover_ToPartnerNotTakingOverPlansOrUnknown_FailedPreconditionNothingWritten()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var roc = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, plan, Twente.RocVanTwente, HandoverReason.SchoolToWork));
        var unknown = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, plan, UnknownOin, HandoverReason.Transition18));

        Assert.Equal(StatusCode.FailedPrecondition, roc.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task OfferHandover_ByNonHolder_NotFoundForStrangersPermissionDeniedForTheReceiver()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);

        var stranger = await RefusedAsync(() => OfferAsync(Twente.Hengelo, plan, Twente.Almelo, HandoverReason.MoveGemeente));
        var receiver = await RefusedAsync(() => OfferAsync(Twente.Enschede, plan, Twente.Almelo, HandoverReason.MoveGemeente));

        Assert.Equal(StatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, receiver.StatusCode);
    }

    [Fact]
    public async Task OfferHandover_StalePlanVersion_Aborted()
    {
        var bsn = TestBsn.Next();
        var first = await RecordTwentePlanAsync(bsn);
        await RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1));

        var error = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, first, Twente.Enschede, HandoverReason.Transition18));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
    }

    [Fact]
    public async Task OfferHandover_EveryBadField_ListedAtOnceNothingWritten()
    {
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var error = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, new OfferHandoverRequest
        {
            PlanId = "not-a-plan", ExpectedPlanVersion = 0, ToOrganisationOin = "12", Reason = HandoverReason.Unspecified,
            Explanation = new string('x', 4001), PlannedTransferTime = new Timestamp { Seconds = long.MaxValue },
        }));
        var self = await RefusedAsync(() => OfferAsync(Twente.Jeugdhulp, new OfferHandoverRequest
        {
            PlanId = Guid.NewGuid().ToString("D"), ExpectedPlanVersion = 1, ToOrganisationOin = Twente.Jeugdhulp, Reason = HandoverReason.Other,
        }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["expected_plan_version", "explanation", "plan_id", "planned_transfer_time", "reason", "to_organisation_oin"],
            RpcErrorDetails.GetBadRequest(error).FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(["explanation", "to_organisation_oin"], RpcErrorDetails.GetBadRequest(self).FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }
}
