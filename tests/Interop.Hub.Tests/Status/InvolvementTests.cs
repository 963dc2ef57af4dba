using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;
using static Interop.Hub.Tests.JongereStatus.StatusScenario;

namespace Interop.Hub.Tests.JongereStatus;

using LegalBasis = Interop.Contracts.V1.LegalBasis;

/// <summary>StatusService.RegisterInvolvement and EndInvolvement (Verwijsindex signals and matches), end to end.</summary>
public abstract class InvolvementTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private StatusTables Tables => new(fixture.Hub);

    [Fact]
    public async Task Register_SecondOrganisation_RaisesMatchFoundForBoth()
    {
        var (bsn, _) = await KnownJongereAsync(fixture);
        var enschedeRef = (await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.Empty(await Tables.EventsAsync(Twente.Enschede, enschedeRef));

        var involvement = await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.WerkEnInkomen, Leefgebied.Onderwijs);

        Assert.Equal(Twente.RmcTwente, involvement.Organisation.Oin);
        Assert.Equal("RMC Twente", involvement.Organisation.DisplayName);
        Assert.Equal([Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen], involvement.Leefgebieden);
        Assert.NotNull(involvement.SinceTime);
        Assert.True(involvement.ExpireTime.ToDateTimeOffset() > involvement.SinceTime.ToDateTimeOffset().AddDays(700));
        Assert.Null(involvement.EndTime);

        var rmcRef = (await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.NotEqual(enschedeRef, rmcRef);
        var toEnschede = Assert.Single(await Tables.EventsAsync(Twente.Enschede, enschedeRef));
        Assert.Equal(Event.PayloadOneofCase.MatchFound, toEnschede.PayloadCase);
        Assert.Equal(Twente.RmcTwente, toEnschede.MatchFound.OtherOrganisation.Oin);
        Assert.Equal(OrganisationKind.Rmc, toEnschede.MatchFound.OtherOrganisation.Kind);
        Assert.Equal([Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen], toEnschede.MatchFound.Leefgebieden);
        var toRmc = Assert.Single(await Tables.EventsAsync(Twente.RmcTwente, rmcRef));
        Assert.Equal(Twente.Enschede, toRmc.MatchFound.OtherOrganisation.Oin);
        Assert.Equal("Gemeente Enschede", toRmc.MatchFound.OtherOrganisation.DisplayName);
        Assert.Equal([Leefgebied.Onderwijs], toRmc.MatchFound.Leefgebieden);
        Assert.NotEmpty(toRmc.EventId);
        Assert.True(toRmc.Cursor > 0);
    }

    [Fact]
    public async Task Register_SecondOrganisation_LogsEachMatchFoundAsADisclosureToItsRecipient()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.WerkEnInkomen);

        // Enschede learned the RMC's involvement, under Enschede's own basis (its leerplicht registration) ...
        var toEnschede = Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.Enschede), r => r.Action == (long)ProcessingAction.Disclose);
        Assert.Equal(Twente.RmcTwente, toEnschede.ExecutingOin);
        Assert.Equal("interop-status-betrokkenheid", toEnschede.ActivityId);
        Assert.Equal(((long)Interop.ProcessingLog.ProcessingLegalBasisKind.StatutoryTask, "leerplicht"), (toEnschede.LegalBasisKind, toEnschede.LegalBasisValue));
        Assert.Equal([DataCategory.Pseudonym, DataCategory.Involvement], toEnschede.Categories);

        // ... and the RMC learned Enschede's, under the basis it registered with.
        var toRmc = Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.RmcTwente), r => r.Action == (long)ProcessingAction.Disclose);
        Assert.Equal(Twente.Enschede, toRmc.ExecutingOin);
        Assert.Equal(((long)Interop.ProcessingLog.ProcessingLegalBasisKind.StatutoryTask, "rmc-vsv"), (toRmc.LegalBasisKind, toRmc.LegalBasisValue));
        Assert.Equal([DataCategory.Pseudonym, DataCategory.Involvement], toRmc.Categories);

        // Renewing raises no match, so it discloses nothing more.
        await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.Onderwijs);
        Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.Enschede), r => r.Action == (long)ProcessingAction.Disclose);
        Assert.Single(await Tables.ProcessingRecordsAsync(pseudonym, Twente.RmcTwente), r => r.Action == (long)ProcessingAction.Disclose);
    }

    [Fact]
    public async Task Register_Again_RenewsAndReplacesLeefgebiedenWithoutNewMatch()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        var first = await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.Onderwijs);
        var again = await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.WerkEnInkomen);
        await RegisterAsync(fixture, Twente.Enschede, bsn, Task("leerplicht"), Leefgebied.Onderwijs);

        Assert.Equal(first.SinceTime, again.SinceTime);
        Assert.True(again.ExpireTime.ToDateTimeOffset() >= first.ExpireTime.ToDateTimeOffset());
        Assert.Equal([Leefgebied.WerkEnInkomen], again.Leefgebieden);
        Assert.Equal(2, await Tables.InvolvementCountAsync(pseudonym));
        var rmcRef = (await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs)).SubjectRef;
        var enschedeRef = (await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.Single(await Tables.EventsAsync(Twente.RmcTwente, rmcRef));
        Assert.Single(await Tables.EventsAsync(Twente.Enschede, enschedeRef));

        var records = await Tables.ProcessingRecordsAsync(pseudonym, Twente.RmcTwente);
        Assert.Equal([(long)ProcessingAction.Create, (long)ProcessingAction.Update], records.Where(r => r.Action is not ((long)ProcessingAction.Read or (long)ProcessingAction.Disclose)).Select(r => r.Action));
        // The one match (with Enschede, at the first registration) was disclosed to the RMC once.
        Assert.Equal(Twente.Enschede, Assert.Single(records, r => r.Action == (long)ProcessingAction.Disclose).ExecutingOin);
        Assert.All(records, r => Assert.Equal("interop-status-betrokkenheid", r.ActivityId));
        Assert.All(records, r => Assert.Equal("rmc-vsv", r.LegalBasisValue));
    }

    [Fact]
    public async Task End_ActiveInvolvement_EndsIt_ThenNotFound_AndRegisteringAgainMatchesAgain()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        await RegisterAsync(fixture, Twente.RocVanTwente, bsn, Task("verzuimmelding"), Leefgebied.Onderwijs);
        var client = await ClientAsync(fixture, Twente.RocVanTwente);

        var ended = await client.EndInvolvementAsync(new EndInvolvementRequest { Subject = Bsn(bsn) }).ResponseAsync.WaitAsync(CallTimeout);

        Assert.NotNull(ended.EndTime);
        Assert.Equal(Twente.RocVanTwente, ended.Organisation.Oin);
        var again = await Assert.ThrowsAsync<RpcException>(() => client.EndInvolvementAsync(new EndInvolvementRequest { Subject = Bsn(bsn) }).ResponseAsync.WaitAsync(CallTimeout));
        Assert.Equal(StatusCode.NotFound, again.StatusCode);
        var status = await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs);
        Assert.DoesNotContain(status.Involvements.Involvements, i => i.Organisation.Oin == Twente.RocVanTwente);
        Assert.Contains(await Tables.ProcessingRecordsAsync(pseudonym, Twente.RocVanTwente), r => r.Action == (long)ProcessingAction.Update && r.LegalBasisValue == "verzuimmelding");

        await RegisterAsync(fixture, Twente.RocVanTwente, bsn, Task("verzuimmelding"), Leefgebied.Onderwijs);
        Assert.Equal(2, (await Tables.EventsAsync(Twente.Enschede, status.SubjectRef)).Count);
    }

    [Fact]
    public async Task LapsedInvolvement_NotShownNotMatched_RegisteringAgainStartsANewOne()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        await Tables.InsertLapsedInvolvementAsync(pseudonym, Twente.Hengelo, Leefgebied.Onderwijs);

        var status = await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs);
        Assert.Equal([Twente.Enschede], status.Involvements.Involvements.Select(i => i.Organisation.Oin));
        var end = await Assert.ThrowsAsync<RpcException>(async () => await (await ClientAsync(fixture, Twente.Hengelo)).EndInvolvementAsync(new EndInvolvementRequest { Subject = Bsn(bsn) }).ResponseAsync.WaitAsync(CallTimeout));
        Assert.Equal(StatusCode.NotFound, end.StatusCode);

        // The RMC is matched with Enschede only, not with the lapsed Hengelo.
        await RegisterAsync(fixture, Twente.RmcTwente, bsn, Task("rmc-vsv"), Leefgebied.Onderwijs);
        var rmcRef = (await StatusAsync(fixture, Twente.RmcTwente, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.Equal([Twente.Enschede], (await Tables.EventsAsync(Twente.RmcTwente, rmcRef)).Select(e => e.MatchFound.OtherOrganisation.Oin));

        // Hengelo registering again is a new involvement (new since_time) and is matched with both active ones.
        var renewed = await RegisterAsync(fixture, Twente.Hengelo, bsn, Task("leerplicht"), Leefgebied.Onderwijs);
        Assert.True(renewed.SinceTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(-1));
        Assert.Equal(4, await Tables.InvolvementCountAsync(pseudonym));
        var hengeloRef = (await StatusAsync(fixture, Twente.Hengelo, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.Equal([Twente.Enschede, Twente.RmcTwente], (await Tables.EventsAsync(Twente.Hengelo, hengeloRef)).Select(e => e.MatchFound.OtherOrganisation.Oin).Order());
    }

    [Fact]
    public async Task End_NeverInvolved_NotFound()
    {
        var client = await ClientAsync(fixture, Twente.Hengelo);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.EndInvolvementAsync(new EndInvolvementRequest { Subject = Bsn(TestBsn.Next()) }).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Register_EveryBadField_ListedAtOnce_NothingWritten()
    {
        var client = await ClientAsync(fixture, Twente.Enschede);
        var request = new RegisterInvolvementRequest { Subject = new Subject { Bsn = "123456789" } };
        request.Leefgebieden.Add(Leefgebied.Unspecified);
        request.Leefgebieden.Add((Leefgebied)99);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.RegisterInvolvementAsync(request).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["subject.bsn", "leefgebieden[0]", "leefgebieden[1]", "legal_basis"], RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field));

        var empty = new RegisterInvolvementRequest { LegalBasis = new LegalBasis { StatutoryTask = new StatutoryTask { Code = "Not A Code" } } };
        ex = await Assert.ThrowsAsync<RpcException>(() => client.RegisterInvolvementAsync(empty).ResponseAsync.WaitAsync(CallTimeout));
        Assert.Equal(["subject", "leefgebieden", "legal_basis.statutory_task.code"], RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field));

        ex = await Assert.ThrowsAsync<RpcException>(() => client.EndInvolvementAsync(new EndInvolvementRequest { Subject = new Subject { SubjectRef = "not a ref!" } }).ResponseAsync.WaitAsync(CallTimeout));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(["subject.subject_ref"], RpcErrorDetails.GetBadRequest(ex).FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Register_BasisThatDoesNotCover_FailedPrecondition_NothingWritten()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);

        // The zorgaanbieder's kind holds no leerplicht task; leerplicht does not cover zorg; the consent does not exist.
        var noTask = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(fixture, Twente.Zorgaanbieder, bsn, Task("leerplicht"), Leefgebied.Onderwijs));
        var outside = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(fixture, Twente.Hengelo, bsn, Task("leerplicht"), Leefgebied.Zorg));
        var noConsent = await Assert.ThrowsAsync<RpcException>(() => RegisterAsync(fixture, Twente.Hengelo, bsn, new LegalBasis { ConsentId = Guid.NewGuid().ToString("D") }, Leefgebied.Zorg));

        Assert.All([noTask, outside, noConsent], ex => Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode));
        Assert.Equal(1, await Tables.InvolvementCountAsync(pseudonym));
    }

    [Fact]
    public async Task Register_WithConsent_RecordsItAndMatches()
    {
        var (bsn, pseudonym) = await KnownJongereAsync(fixture);
        var consentId = await Tables.InsertConsentAsync(pseudonym, Twente.Zorgaanbieder, Zorg, [Leefgebied.Zorg], [DataCategory.Involvement]);

        var involvement = await RegisterAsync(fixture, Twente.Zorgaanbieder, bsn, new LegalBasis { ConsentId = consentId }, Leefgebied.Zorg);

        Assert.Equal([Leefgebied.Zorg], involvement.Leefgebieden);
        var records = await Tables.ProcessingRecordsAsync(pseudonym, Twente.Zorgaanbieder);
        var record = Assert.Single(records, r => r.Action == (long)ProcessingAction.Create);
        Assert.Equal(consentId, record.LegalBasisValue);
        Assert.Equal(Zorg, record.PurposeCode);

        // The match told the zorgaanbieder about Enschede under the consent it registered with.
        var disclosure = Assert.Single(records, r => r.Action == (long)ProcessingAction.Disclose);
        Assert.Equal((Twente.Enschede, consentId, Zorg), (disclosure.ExecutingOin, disclosure.LegalBasisValue, disclosure.PurposeCode));
        Assert.Equal(2, records.Count);
        var enschedeRef = (await StatusAsync(fixture, Twente.Enschede, Bsn(bsn), Onderwijs)).SubjectRef;
        Assert.Equal(Twente.Zorgaanbieder, Assert.Single(await Tables.EventsAsync(Twente.Enschede, enschedeRef)).MatchFound.OtherOrganisation.Oin);
    }

    [Fact]
    public async Task WithoutTheMethodsScope_PermissionDenied()
    {
        using var reader = await fixture.NewClientAsync(Twente.Enschede, "status.read");
        var request = new RegisterInvolvementRequest { Subject = Bsn(TestBsn.Next()), LegalBasis = Task("leerplicht") };
        request.Leefgebieden.Add(Leefgebied.Onderwijs);

        var ex = await Assert.ThrowsAsync<RpcException>(() => new StatusService.StatusServiceClient(reader.CallInvoker).RegisterInvolvementAsync(request).ResponseAsync.WaitAsync(CallTimeout));

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);

        using var writer = await fixture.NewClientAsync(Twente.Enschede, "status.write");
        var read = await Assert.ThrowsAsync<RpcException>(() => new StatusService.StatusServiceClient(writer.CallInvoker).GetJongereStatusAsync(new GetJongereStatusRequest
        {
            Subject = Bsn(TestBsn.Next()),
            Purpose = new Purpose { Code = Onderwijs },
        }).ResponseAsync.WaitAsync(CallTimeout));
        Assert.Equal(StatusCode.PermissionDenied, read.StatusCode);
    }
}

public sealed class InvolvementOnSqliteTests(SqliteTwenteHub fixture) : InvolvementTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

public sealed class InvolvementOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : InvolvementTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
