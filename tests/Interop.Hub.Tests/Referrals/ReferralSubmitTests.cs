using Interop.Contracts.V1;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using RegistryKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Tests.Referrals;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>SubmitReferral: idempotency, the receiver's registration, the legal basis, and every bad field.</summary>
public abstract class ReferralSubmitTests<TFixture>(TFixture fixture) : ReferralTestBase<TFixture>(fixture)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task Retry_SameKeySameRequest_SameReferralAndOneEvent()
    {
        var request = NewRequest(TestBsn.Next());

        var first = await SubmitAsync(request);
        var retry = await SubmitAsync(request.Clone());

        Assert.Equal(first.ReferralId, retry.ReferralId);
        Assert.Equal(first.Subject, retry.Subject);
        Assert.Single(await ReferralDatabase.EventsForAsync(Fixture.Hub, Receiver), e => e.ReferralReceived?.ReferralId == first.ReferralId);
        Assert.Equal(1, await CountForKeyAsync(request.IdempotencyKey));
    }

    [Fact]
    public async Task Retry_AfterTheReferralChanged_ReturnsItsCurrentState()
    {
        var request = NewRequest(TestBsn.Next());
        var first = await SubmitAsync(request);
        await (await ClientAsync(Receiver)).AcceptReferralAsync(new AcceptReferralRequest { ReferralId = first.ReferralId, ExpectedVersion = 1 }).ResponseAsync.WaitAsync(Timeout);

        var retry = await SubmitAsync(request);

        Assert.Equal(first.ReferralId, retry.ReferralId);
        Assert.Equal(ReferralStatus.Accepted, retry.Status);
    }

    [Fact]
    public async Task Retry_AfterTheReceiverStoppedAcceptingTheLeefgebied_ReturnsTheReferral()
    {
        var oin = "0000000100" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Fixture.Hub.Registry.AddOrganisationAsync(new Organisation(oin, "RMC Elders", RegistryKind.Rmc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs] });
        var request = NewRequest(TestBsn.Next(), oin);
        var first = await SubmitAsync(request);

        Assert.True(await Fixture.Hub.Registry.UpdateOrganisationServicesAsync(oin, [Leefgebied.Zorg], false));
        await UntilRefusedAsync(oin, "LEEFGEBIED_NOT_ACCEPTED");

        // The first submission committed: its retry returns it, whatever the receiver accepts now.
        var retry = await SubmitAsync(request.Clone());
        Assert.Equal(first.ReferralId, retry.ReferralId);
        Assert.Equal(first.Subject, retry.Subject);
    }

    [Fact]
    public async Task Answer_IsWhatTheSenderReadsBack_ByBsnAndBySubjectRef()
    {
        // The answer is built from what the write stored (no read-back): it must be what GetReferral then returns.
        var roc = await ClientAsync(Twente.RocVanTwente);
        var byBsn = await SubmitAsync(NewRequest(TestBsn.Next()));
        var request = NewRequest("");
        request.Subject = new Subject { SubjectRef = byBsn.Subject.SubjectRef };
        var byRef = await SubmitAsync(request);

        foreach (var submitted in new[] { byBsn, byRef })
        {
            var read = await roc.GetReferralAsync(new GetReferralRequest { ReferralId = submitted.ReferralId }).ResponseAsync.WaitAsync(Timeout);
            Assert.Equal(read, submitted);
            Assert.Equal(ReferralStatus.Submitted, submitted.Status);
            Assert.Equal(1, submitted.Version);
            Assert.NotNull(submitted.LegalBasis);
        }
    }

    [Fact]
    public async Task ParallelRetries_EightAtOnce_OneReferralOneEvent()
    {
        var request = NewRequest(TestBsn.Next());
        var referrals = Fixture.ClientAsync(Twente.RocVanTwente);
        var client = new ReferralService.ReferralServiceClient((await referrals).CallInvoker);
        var before = await ReferralCountAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SubmitReferralAsync(request).ResponseAsync.WaitAsync(Timeout)));

        Assert.Single(results.Select(r => r.ReferralId).Distinct());
        Assert.Equal(before + 1, await ReferralCountAsync());
        Assert.Single(await ReferralDatabase.EventsForAsync(Fixture.Hub, Receiver), e => e.ReferralReceived?.ReferralId == results[0].ReferralId);
    }

    [Fact]
    public async Task SameKey_DifferentRequest_AlreadyExists_NothingWritten()
    {
        var request = NewRequest(TestBsn.Next());
        await SubmitAsync(request);
        var before = await ReferralCountAsync();
        var changed = request.Clone();
        changed.Urgency = Urgency.Crisis;

        await FailsAsync(StatusCode.AlreadyExists, () => SubmitAsync(changed));
        var otherJongere = request.Clone();
        otherJongere.Subject.Bsn = TestBsn.Next();
        await FailsAsync(StatusCode.AlreadyExists, () => SubmitAsync(otherJongere));

        Assert.Equal(before, await ReferralCountAsync());
    }

    [Fact]
    public async Task SameKey_OtherSender_IsItsOwnReferral()
    {
        var request = NewRequest(TestBsn.Next());
        var fromRoc = await SubmitAsync(request);
        var fromRmc = request.Clone();
        fromRmc.ReceiverOin = Twente.Enschede;
        fromRmc.Leefgebieden[0] = Leefgebied.WerkEnInkomen;
        fromRmc.LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = "rmc-vsv" } };

        // Idempotency keys are per sender: RMC's key is its own, whatever the ROC used.
        var own = await SubmitAsync(fromRmc, Twente.RmcTwente);

        Assert.NotEqual(fromRoc.ReferralId, own.ReferralId);
        Assert.Equal(Twente.RmcTwente, own.Sender.Oin);
    }

    [Fact]
    public async Task SubjectRef_FromAnEarlierReferral_Accepted_AndBsnReturned()
    {
        var bsn = TestBsn.Next();
        var first = await SubmitAsync(NewRequest(bsn));
        var byRef = NewRequest("");
        byRef.Subject = new Subject { SubjectRef = first.Subject.SubjectRef };

        var second = await SubmitAsync(byRef);

        Assert.NotEqual(first.ReferralId, second.ReferralId);
        Assert.Equal(first.Subject.SubjectRef, second.Subject.SubjectRef);
        Assert.Equal(bsn, second.Subject.Bsn);
    }

    [Fact]
    public async Task SubjectRef_NotIssuedToTheSender_NotFound()
    {
        var first = await SubmitAsync(NewRequest(TestBsn.Next()));
        var enschedeRef = (await (await ClientAsync(Receiver)).GetReferralAsync(new GetReferralRequest { ReferralId = first.ReferralId }).ResponseAsync.WaitAsync(Timeout)).Subject.SubjectRef;
        var request = NewRequest("");
        request.Subject = new Subject { SubjectRef = enschedeRef };

        await FailsAsync(StatusCode.NotFound, () => SubmitAsync(request));
    }

    [Fact]
    public async Task UnknownReceiver_FailedPrecondition_NothingWritten()
    {
        var before = await ReferralCountAsync();

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(NewRequest(TestBsn.Next(), "00000001999999999000")));

        Assert.Equal("RECEIVER_NOT_A_PARTNER", PreconditionType(ex));
        Assert.Equal(before, await ReferralCountAsync());
    }

    [Fact]
    public async Task DisabledReceiver_FailedPrecondition()
    {
        var oin = "0000000100" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Fixture.Hub.Registry.AddOrganisationAsync(new Organisation(oin, "Gemeente Uit Dienst", RegistryKind.Gemeente, "RMC38", Enabled: false)
        {
            ReferralLeefgebieden = [Leefgebied.Zorg],
        });

        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(NewRequest(TestBsn.Next(), oin)));

        Assert.Equal("RECEIVER_NOT_A_PARTNER", PreconditionType(ex));
    }

    [Fact]
    public async Task ReceiverNotAcceptingALeefgebied_FailedPrecondition_NothingWritten()
    {
        var before = await ReferralCountAsync();
        var events = await EventCountAsync();

        // RMC Twente accepts onderwijs but not zorg: every requested leefgebied must be accepted.
        var ex = await FailsAsync(StatusCode.FailedPrecondition, () => SubmitAsync(NewRequest(TestBsn.Next(), Receiver, Leefgebied.Onderwijs, Leefgebied.Zorg)));

        Assert.Equal("LEEFGEBIED_NOT_ACCEPTED", PreconditionType(ex));
        Assert.Equal(before, await ReferralCountAsync());
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task EveryBadField_ListedAtOnce_NothingWritten()
    {
        var before = await ReferralCountAsync();
        var events = await EventCountAsync();
        var request = new SubmitReferralRequest
        {
            IdempotencyKey = "key with spaces",
            ReceiverOin = "12345",
            Subject = new Subject { Bsn = "123456789" },
            Person = new PersonDetails { GivenName = new string('a', 201), BirthDate = "2999-01-01", PhoneNumber = "0612345678", EmailAddress = "not an address" },
            Leefgebieden = { Leefgebied.Unspecified, Leefgebied.Zorg, Leefgebied.Zorg, (Leefgebied)99 },
            Reason = "",
            Urgency = Urgency.Unspecified,
            LegalBasis = new LegalBasis { ConsentId = "consent-1" },
            Purpose = new Purpose(),
            SenderReference = new string('r', 101),
        };

        var ex = await FailsAsync(StatusCode.InvalidArgument, () => SubmitAsync(request));

        AssertViolations(
            ex,
            "idempotency_key", "legal_basis.consent_id", "leefgebieden[0]", "leefgebieden[2]", "leefgebieden[3]",
            "person.birth_date", "person.email_address", "person.given_name", "person.phone_number", "purpose.code",
            "reason", "receiver_oin", "sender_reference", "subject.bsn", "urgency");
        Assert.Equal(before, await ReferralCountAsync());
        Assert.Equal(events, await EventCountAsync());
    }

    [Fact]
    public async Task MoreBadFields_ListedAtOnce()
    {
        var request = new SubmitReferralRequest
        {
            IdempotencyKey = new string('k', 65),
            ReceiverOin = Twente.RocVanTwente,
            Subject = new Subject { Bsn = TestBsn.Next(), SubjectRef = "abc" },
            Reason = "   ",
            Urgency = (Urgency)7,
            LegalBasis = new LegalBasis(),
            Purpose = new Purpose { Code = "Not A Code" },
        };

        var ex = await FailsAsync(StatusCode.InvalidArgument, () => SubmitAsync(request));

        AssertViolations(ex, "idempotency_key", "leefgebieden", "legal_basis", "purpose.code", "reason", "receiver_oin", "subject", "urgency");
    }

    [Fact]
    public async Task UnknownPurpose_InvalidArgument()
    {
        var request = NewRequest(TestBsn.Next());
        request.Purpose = new Purpose { Code = "marketing-en-werving" };

        var ex = await FailsAsync(StatusCode.InvalidArgument, () => SubmitAsync(request));

        AssertViolations(ex, "purpose.code");
    }

    private Task<long> CountForKeyAsync(string key) =>
        ReferralDatabase.CountAsync(Fixture.Hub, $"SELECT COUNT(*) FROM referral_idempotency WHERE idempotency_key = '{key}'");

    /// <summary>Until the hub's partner cache has seen a registry change: a new onderwijs submission to <paramref name="oin"/> is refused with <paramref name="type"/>.</summary>
    private async Task UntilRefusedAsync(string oin, string type)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                await SubmitAsync(NewRequest(TestBsn.Next(), oin));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition && PreconditionType(ex) == type)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The hub did not see the registry change in time.");
            await Task.Delay(250);
        }
    }
}
