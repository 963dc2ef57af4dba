using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Handovers;

public abstract partial class PlanHandoverTests<TFixture>
{
    [Fact]
    public async Task GetPlan_HolderBySubjectOrId_EveryVersionReadable()
    {
        var bsn = TestBsn.Next();
        var first = await RecordTwentePlanAsync(bsn);
        var second = await RecordAsync(Twente.Jeugdhulp, PlanRequest(bsn, expectedVersion: 1, contactName: "B. Bakker"));

        var bySubject = await GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Subject = new Subject { Bsn = bsn } });
        var byRef = await GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Subject = new Subject { SubjectRef = first.Subject.SubjectRef } });
        var old = await GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = first.PlanId, Version = 1 });

        Assert.Equal(second, bySubject);
        Assert.Equal(second, byRef);
        Assert.Equal(first, old);
        Assert.Equal("B. Bakker", second.Regisseur.ContactName);
        Assert.NotEqual(first.Regisseur.SinceTime, second.Regisseur.SinceTime);
    }

    [Fact]
    public async Task GetPlan_StrangerWithoutBasis_PermissionDeniedNothingLogged()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);
        var before = await HubTables.SnapshotAsync(fixture.Hub);

        var byId = await RefusedAsync(() => GetPlanAsync(Twente.Hengelo, new GetPlanRequest { PlanId = plan.PlanId }));

        Assert.Equal(StatusCode.PermissionDenied, byId.StatusCode);
        Assert.Equal(before, await HubTables.SnapshotAsync(fixture.Hub));
    }

    [Fact]
    public async Task GetPlan_StrangerWithConsentForRegieEnPlan_ReadsConsentRecordedAndRevocationEndsIt()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);
        var consents = new ConsentService.ConsentServiceClient((await fixture.ClientAsync(Twente.Jeugdhulp)).CallInvoker);
        var consent = await consents.RegisterConsentAsync(new RegisterConsentRequest
        {
            Subject = new Subject { Bsn = bsn },
            Grantee = new ConsentGrantee { OrganisationOin = Twente.Hengelo },
            Purpose = new Purpose { Code = "regie-en-plan" },
            Leefgebieden = { Leefgebied.Wonen, Leefgebied.Onderwijs, Leefgebied.FinancienSchulden },
            DataCategories = { DataCategory.Case, DataCategory.Professional },
            GivenBy = ConsentGiver.Subject,
            Evidence = new ConsentEvidence { Kind = ConsentEvidenceKind.SignedForm, Reference = "DOC-PLAN-1" },
            RecordedByProfessional = "MW-77",
        }).ResponseAsync.WaitAsync(Timeout);

        var read = await GetPlanAsync(Twente.Hengelo, new GetPlanRequest { Subject = new Subject { Bsn = bsn } });

        Assert.Equal(plan.Goals, read.Goals);
        Assert.NotEqual(plan.Subject.SubjectRef, read.Subject.SubjectRef);
        Assert.Equal("1", await HubTables.ScalarAsync(fixture.Hub, $"SELECT COUNT(*) FROM consent_disclosure WHERE consent_id = '{consent.ConsentId}' AND recipient_oin = '{Twente.Hengelo}'"));
        Assert.Equal("1", await HubTables.ScalarAsync(fixture.Hub, $"SELECT COUNT(*) FROM processing_record WHERE legal_basis_value = '{consent.ConsentId}' AND requesting_oin = '{Twente.Hengelo}' AND action = 1"));

        await consents.RevokeConsentAsync(new RevokeConsentRequest { ConsentId = consent.ConsentId, RevokedByProfessional = "MW-77" }).ResponseAsync.WaitAsync(Timeout);
        var revoked = await RefusedAsync(() => GetPlanAsync(Twente.Hengelo, new GetPlanRequest { PlanId = plan.PlanId }));
        Assert.Equal(StatusCode.PermissionDenied, revoked.StatusCode);
    }

    [Fact]
    public async Task GetPlan_UnknownPlanSubjectOrVersion_NotFound()
    {
        var bsn = TestBsn.Next();
        var plan = await RecordTwentePlanAsync(bsn);

        var unknownId = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = Guid.NewGuid().ToString("D") }));
        var unknownSubject = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Subject = new Subject { Bsn = TestBsn.Next() } }));
        var unknownRef = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Subject = new Subject { SubjectRef = "not-issued" } }));
        var futureVersion = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = plan.PlanId, Version = 2 }));

        Assert.All([unknownId, unknownSubject, unknownRef, futureVersion], e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
    }

    [Fact]
    public async Task GetPlan_EveryBadField_ListedAtOnce()
    {
        var neither = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Version = -1 }));
        var badId = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { PlanId = "ABC" }));
        var badSubject = await RefusedAsync(() => GetPlanAsync(Twente.Jeugdhulp, new GetPlanRequest { Subject = new Subject { Bsn = "111111111", SubjectRef = "x" } }));

        Assert.Equal(["plan", "version"], RpcErrorDetails.GetBadRequest(neither).FieldViolations.Select(v => v.Field).Order());
        Assert.Equal(["plan_id"], RpcErrorDetails.GetBadRequest(badId).FieldViolations.Select(v => v.Field));
        Assert.Equal(["subject"], RpcErrorDetails.GetBadRequest(badSubject).FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Processing_EveryWriteAndRead_LoggedAsPlanOverdracht()
    {
        var plan = await RecordTwentePlanAsync(TestBsn.Next());
        var pseudonym = await HubTables.ScalarAsync(fixture.Hub, $"SELECT subject_pseudonym FROM plan WHERE plan_id = '{plan.PlanId}'");
        var offer = await OfferAsync(Twente.Jeugdhulp, plan, Twente.Enschede, HandoverReason.Transition18);
        await GetPlanAsync(Twente.Enschede, new GetPlanRequest { PlanId = plan.PlanId });
        await AcceptAsync(Twente.Enschede, offer);
        await ListAsync(Twente.Enschede, new ListHandoversRequest());

        // Create (plan), create (offer) and disclose (to the receiver), read, update (accept), read (list): for this
        // jongere only.
        var actions = await HubTables.ScalarAsync(fixture.Hub,
            $"SELECT COUNT(*) FROM processing_record WHERE data_subject_ref = '{pseudonym}' AND processing_activity_id = 'interop-plan-overdracht' AND purpose_code = 'regie-en-plan'");
        Assert.Equal("6", actions);
    }
}
