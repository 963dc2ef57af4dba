using Google.Rpc;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>What the referral test classes share: clients, a valid request, and reading error details.</summary>
public abstract class ReferralTestBase<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    /// <summary>Every call in these tests is bounded by this.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>A purpose code in the hub's default register.</summary>
    protected const string PurposeCode = ReferralTestData.PurposeCode;

    /// <summary>A statutory task the hub's default configuration gives to ROCs.</summary>
    protected const string RocTaskCode = ReferralTestData.RocTaskCode;

    /// <summary>The receiver of the default request: RMC Twente, which accepts onderwijs referrals.</summary>
    protected const string Receiver = Twente.RmcTwente;

    /// <summary>The running hub.</summary>
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The referral client of <paramref name="oin"/> (all scopes).</summary>
    protected async Task<ReferralService.ReferralServiceClient> ClientAsync(string oin) =>
        new((await Fixture.ClientAsync(oin)).CallInvoker);

    /// <summary>
    /// A valid referral from the ROC about <paramref name="bsn"/>: by default an onderwijs referral (absence) to RMC
    /// Twente on the ROC's statutory task.
    /// </summary>
    protected static SubmitReferralRequest NewRequest(string bsn, string receiverOin = Receiver, params Leefgebied[] leefgebieden) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        ReceiverOin = receiverOin,
        Subject = new Subject { Bsn = bsn },
        Person = new PersonDetails { GivenName = "Sanne", FamilyName = "de Vries", BirthDate = "2007-03-14", PhoneNumber = "+31612345678", EmailAddress = "sanne@example.nl" },
        Leefgebieden = { leefgebieden.Length == 0 ? [Leefgebied.Onderwijs] : leefgebieden },
        Reason = "Student misses many classes and reports problems at home; asks for help.",
        Urgency = Urgency.Regular,
        LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = RocTaskCode } },
        Purpose = new Purpose { Code = PurposeCode },
        SenderReference = "ROC-2026-0042",
    };

    /// <summary>Submits <paramref name="request"/> as <paramref name="senderOin"/>.</summary>
    protected async Task<Referral> SubmitAsync(SubmitReferralRequest request, string senderOin = Twente.RocVanTwente) =>
        await (await ClientAsync(senderOin)).SubmitReferralAsync(request).ResponseAsync.WaitAsync(Timeout);

    /// <summary>The RpcException <paramref name="call"/> fails with, asserting its status.</summary>
    protected static async Task<RpcException> FailsAsync(StatusCode status, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => call().WaitAsync(Timeout));
        Assert.True(status == ex.StatusCode, $"Expected {status}, got {ex.StatusCode}: {ex.Status.Detail}");
        return ex;
    }

    /// <summary>The type of the single PreconditionFailure violation of a FAILED_PRECONDITION.</summary>
    protected static string PreconditionType(RpcException exception)
    {
        var bytes = exception.Trailers.GetValueBytes("grpc-status-details-bin");
        Assert.True(bytes is not null, "No grpc-status-details-bin trailer.");
        var status = Google.Rpc.Status.Parser.ParseFrom(bytes);
        var detail = Assert.Single(status.Details, d => d.Is(PreconditionFailure.Descriptor));
        return Assert.Single(detail.Unpack<PreconditionFailure>().Violations).Type;
    }

    /// <summary>Asserts that the BadRequest of <paramref name="exception"/> names exactly <paramref name="fields"/>.</summary>
    protected static void AssertViolations(RpcException exception, params string[] fields) =>
        Assert.Equal(fields.Order(StringComparer.Ordinal), ViolatedFields(exception));

    /// <summary>The fields a BadRequest names, sorted.</summary>
    protected static List<string> ViolatedFields(RpcException exception) =>
        RpcErrorDetails.GetBadRequest(exception).FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The ROC registers (ConsentService) the jongere's consent that <paramref name="granteeOin"/> receives zorg data
    /// for zorg-en-ondersteuning (by default every category a referral carries); returns its consent_id.
    /// </summary>
    protected async Task<string> RegisterZorgConsentAsync(string bsn, string granteeOin, params DataCategory[] categories)
    {
        var consents = new ConsentService.ConsentServiceClient((await Fixture.ClientAsync(Twente.RocVanTwente)).CallInvoker);
        var consent = await consents.RegisterConsentAsync(new RegisterConsentRequest
        {
            Subject = new Subject { Bsn = bsn },
            Grantee = new ConsentGrantee { OrganisationOin = granteeOin },
            Purpose = new Purpose { Code = ReferralTestData.ZorgPurposeCode },
            Leefgebieden = { Leefgebied.Zorg },
            DataCategories = { categories.Length > 0 ? categories : [DataCategory.Bsn, DataCategory.Identifying, DataCategory.Contact, DataCategory.Pseudonym, DataCategory.Involvement, DataCategory.Case] },
            GivenBy = ConsentGiver.Subject,
            Evidence = new ConsentEvidence { Kind = ConsentEvidenceKind.SignedForm, Reference = "form-2026-17" },
            RecordedByProfessional = "mentor-0042",
        }).ResponseAsync.WaitAsync(Timeout);
        return consent.ConsentId;
    }

    /// <summary>The ROC revokes the consent (ConsentService).</summary>
    protected async Task RevokeConsentAsync(string consentId)
    {
        var consents = new ConsentService.ConsentServiceClient((await Fixture.ClientAsync(Twente.RocVanTwente)).CallInvoker);
        await consents.RevokeConsentAsync(new RevokeConsentRequest { ConsentId = consentId, RevokedByProfessional = "mentor-0042" }).ResponseAsync.WaitAsync(Timeout);
    }

    /// <summary>How many referrals the hub holds.</summary>
    protected Task<long> ReferralCountAsync() => ReferralDatabase.CountAsync(Fixture.Hub, "SELECT COUNT(*) FROM referral");

    /// <summary>How many events the hub holds.</summary>
    protected Task<long> EventCountAsync() => ReferralDatabase.CountAsync(Fixture.Hub, "SELECT COUNT(*) FROM hub_event");

    /// <summary>Moves a fresh referral to <paramref name="status"/>; returns its version there.</summary>
    protected async Task<long> BringToAsync(Referral referral, ReferralStatus status)
    {
        switch (status)
        {
            case ReferralStatus.Submitted:
                return 1;
            case ReferralStatus.Accepted:
                await ActAsync("accept", referral.ReferralId, 1);
                return 2;
            case ReferralStatus.Declined:
                await ActAsync("decline", referral.ReferralId, 1);
                return 2;
            case ReferralStatus.Withdrawn:
                await ActAsync("withdraw", referral.ReferralId, 1);
                return 2;
            case ReferralStatus.Completed:
                await ActAsync("accept", referral.ReferralId, 1);
                await ActAsync("complete", referral.ReferralId, 2);
                return 3;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }
    }

    /// <summary>Makes a change as the party it belongs to (or as <paramref name="asOin"/>).</summary>
    protected async Task<Referral> ActAsync(string action, string referralId, long version, string? asOin = null)
    {
        var client = await ClientAsync(asOin ?? (action == "withdraw" ? Twente.RocVanTwente : Receiver));
        var call = action switch
        {
            "accept" => client.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referralId, ExpectedVersion = version }),
            "decline" => client.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = referralId, ExpectedVersion = version, Reason = new DeclineReason { Code = DeclineReasonCode.NoCapacity } }),
            "withdraw" => client.WithdrawReferralAsync(new WithdrawReferralRequest { ReferralId = referralId, ExpectedVersion = version }),
            "complete" => client.CompleteReferralAsync(new CompleteReferralRequest { ReferralId = referralId, ExpectedVersion = version, Outcome = new ReferralOutcome { Code = ReferralOutcomeCode.GoalsPartlyReached } }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return await call.ResponseAsync.WaitAsync(Timeout);
    }
}
