using Google.Rpc;
using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Referrals;

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

    /// <summary>The running hub.</summary>
    protected TFixture Fixture { get; } = fixture;

    /// <summary>The referral client of <paramref name="oin"/> (all scopes).</summary>
    protected async Task<ReferralService.ReferralServiceClient> ClientAsync(string oin) =>
        new((await Fixture.ClientAsync(oin)).CallInvoker);

    /// <summary>A valid zorg referral from the ROC to Enschede about <paramref name="bsn"/>, on the ROC's statutory task.</summary>
    protected static SubmitReferralRequest NewRequest(string bsn, string receiverOin = Twente.Enschede, params Leefgebied[] leefgebieden) => new()
    {
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        ReceiverOin = receiverOin,
        Subject = new Subject { Bsn = bsn },
        Person = new PersonDetails { GivenName = "Sanne", FamilyName = "de Vries", BirthDate = "2007-03-14", PhoneNumber = "+31612345678", EmailAddress = "sanne@example.nl" },
        Leefgebieden = { leefgebieden.Length == 0 ? [Leefgebied.Zorg] : leefgebieden },
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

    /// <summary>The fields a BadRequest names, sorted.</summary>
    protected static List<string> ViolatedFields(RpcException exception) =>
        RpcErrorDetails.GetBadRequest(exception).FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal).ToList();

    /// <summary>How many referrals the hub holds.</summary>
    protected Task<long> ReferralCountAsync() => ReferralDatabase.CountAsync(Fixture.Hub, "SELECT COUNT(*) FROM referral");

    /// <summary>How many events the hub holds.</summary>
    protected Task<long> EventCountAsync() => ReferralDatabase.CountAsync(Fixture.Hub, "SELECT COUNT(*) FROM hub_event");
}
