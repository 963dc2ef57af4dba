using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>SubmitReferral's legal basis: the sender's statutory task or the jongere's consent for the receiver.</summary>
public abstract class ReferralLegalBasisTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task StatutoryTaskTheSenderDoesNotHold_FailedPrecondition_NothingWritten()
    {
        var before = await ReferralCountAsync();
        var request = NewRequest(TestBsn.Next());
        request.LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = "no-such-task" } };

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(request));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
        Assert.Equal(before, await ReferralCountAsync());
    }

    [Fact]
    public async Task UnknownConsent_FailedPrecondition()
    {
        var request = NewRequest(TestBsn.Next());
        request.LegalBasis = new LegalBasis { ConsentId = Guid.NewGuid().ToString("D") };

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(request));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
    }

    [Fact]
    public async Task NoBasisGiven_HubFindsTheSendersStatutoryTask()
    {
        var request = NewRequest(TestBsn.Next());
        request.LegalBasis = null;

        var referral = await SubmitAsync(request);

        Assert.Equal(RocTaskCode, referral.LegalBasis.StatutoryTask.Code);
    }

    [Fact]
    public async Task NoBasisGivenAndNoneFound_FailedPrecondition_NothingWritten()
    {
        var before = await ReferralCountAsync();
        var request = NewRequest(TestBsn.Next(), Twente.Zorgaanbieder, Leefgebied.Zorg);
        request.LegalBasis = null;

        // A gemeente without a consent of the jongere and without a statutory task for zorg.
        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(request, Twente.Hengelo));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
        Assert.Equal(before, await ReferralCountAsync());
    }

    [Fact]
    public async Task Consent_NoBasisGiven_HubFindsTheJongeresConsentForTheReceiver()
    {
        var bsn = TestBsn.Next();
                var consentId = await RegisterZorgConsentAsync(bsn, Twente.Enschede);

        var referral = await SubmitAsync(ZorgRequest(bsn, null));

        Assert.Equal(consentId, referral.LegalBasis.ConsentId);
    }

    [Fact]
    public async Task Consent_NamingAnotherOrganisation_FailedPrecondition_NothingWritten()
    {
        var bsn = TestBsn.Next();
                var forHengelo = await RegisterZorgConsentAsync(bsn, Twente.Hengelo);
        var before = await ReferralCountAsync();

        var claimed = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(ZorgRequest(bsn, forHengelo)));
        var searched = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(ZorgRequest(bsn, null)));

        Assert.Equal("LEGAL_BASIS", PreconditionType(claimed));
        Assert.Equal("LEGAL_BASIS", PreconditionType(searched));
        Assert.Equal(before, await ReferralCountAsync());
    }

    [Fact]
    public async Task Consent_Revoked_FailedPrecondition()
    {
        var bsn = TestBsn.Next();
                var consentId = await RegisterZorgConsentAsync(bsn, Twente.Enschede);
        var sent = await SubmitAsync(ZorgRequest(bsn, consentId));
        var enschede = await ClientAsync(Twente.Enschede);
        var before = await enschede.GetReferralAsync(new GetReferralRequest { ReferralId = sent.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal(bsn, before.Subject.Bsn);
        Assert.Equal("Sanne", before.Person.GivenName);
        await RevokeConsentAsync(consentId);

        // The referral disclosed data to Enschede under the consent, so the revocation reached Enschede.
        Assert.Contains(await ReferralDatabase.EventsForAsync(Fixture.Hub, Twente.Enschede), e => e.ConsentRevoked?.ConsentId == consentId);

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(ZorgRequest(bsn, consentId)));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
        Assert.Contains("revoked", ex.Status.Detail, StringComparison.Ordinal);

        // The receiver gets no more identifying data under the revoked consent, but can still handle the referral.
        var after = await enschede.GetReferralAsync(new GetReferralRequest { ReferralId = sent.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Null(after.Person);
        Assert.Empty(after.Subject.Bsn);
        Assert.Equal(before.Subject.SubjectRef, after.Subject.SubjectRef);
        var listed = Assert.Single((await enschede.ListReceivedReferralsAsync(new ListReceivedReferralsRequest { Filter = new ReferralFilter { Subject = new Subject { SubjectRef = before.Subject.SubjectRef } } }).ResponseAsync.WaitAsync(Timeout)).Referrals);
        Assert.Null(listed.Person);
        await enschede.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = sent.ReferralId, ExpectedVersion = 1, Reason = new DeclineReason { Code = DeclineReasonCode.SubjectDeclined } }).ResponseAsync.WaitAsync(Timeout);
        var atSender = await (await ClientAsync(Twente.RocVanTwente)).GetReferralAsync(new GetReferralRequest { ReferralId = sent.ReferralId }).ResponseAsync.WaitAsync(Timeout);
        Assert.Equal("Sanne", atSender.Person.GivenName);
        Assert.Equal(bsn, atSender.Subject.Bsn);
        Assert.Equal(ReferralStatus.Declined, atSender.Status);
    }

    [Fact]
    public async Task ZorgReferral_OnTheRocsOnderwijsTask_FailedPrecondition()
    {
        // verzuimmelding covers onderwijs only: it is no basis for sending zorg (health) data.
        var request = ZorgRequest(TestBsn.Next(), null);
        request.LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = RocTaskCode } };

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(request));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
    }

    [Fact]
    public async Task Consent_NotCoveringTheContactDetails_FailedPrecondition_WithoutThemAccepted()
    {
        var bsn = TestBsn.Next();
        var consentId = await RegisterZorgConsentAsync(bsn, Twente.Enschede, DataCategory.Bsn, DataCategory.Pseudonym, DataCategory.Case, DataCategory.Identifying);
        var withContact = ZorgRequest(bsn, consentId);

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(withContact));

        Assert.Equal("LEGAL_BASIS", PreconditionType(ex));
        var withoutContact = ZorgRequest(bsn, consentId);
        withoutContact.Person.PhoneNumber = "";
        withoutContact.Person.EmailAddress = "";
        var referral = await SubmitAsync(withoutContact);
        Assert.Equal(consentId, referral.LegalBasis.ConsentId);
    }

    private static SubmitReferralRequest ZorgRequest(string bsn, string? consentId)
    {
        var request = NewRequest(bsn, Twente.Enschede, Leefgebied.Zorg);
        request.Purpose = new Purpose { Code = ReferralTestData.ZorgPurposeCode };
        request.LegalBasis = consentId is null ? null : new LegalBasis { ConsentId = consentId };
        return request;
    }
}
