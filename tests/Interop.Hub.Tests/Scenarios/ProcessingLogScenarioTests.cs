using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;
using static Interop.Hub.Tests.Scenarios.ScenarioRequests;

namespace Interop.Hub.Tests.Scenarios;

/// <summary>
/// The processing log after real traffic: every exchange left a record, the chain verifies, and a record altered in
/// the database afterwards is found. Its own hub, since the test breaks the chain on purpose.
/// </summary>
public abstract class ProcessingLogScenarioTests<TFixture>(TFixture hub)
    where TFixture : TwenteHubFixture
{
    [Fact]
    public async Task The_chain_of_real_traffic_verifies_and_a_record_altered_in_the_database_is_found()
    {
        var bsn = TestBsn.Next();
        var roc = (await hub.ClientAsync(Twente.RocVanTwente)).CallInvoker;
        var enschede = (await hub.ClientAsync(Twente.Enschede)).CallInvoker;
        await RegisterInvolvementAsync(roc, bsn, "verzuimmelding", Leefgebied.Onderwijs);
        var consent = await RegisterZorgConsentAsync(roc, bsn, Twente.Enschede);
        await new ReferralService.ReferralServiceClient(roc).SubmitReferralAsync(ZorgReferral(bsn, Twente.Enschede, consent.ConsentId));
        await ZorgStatusAsync(enschede, bsn);

        var log = hub.Hub.OpenProcessingLog();
        var verifier = new ProcessingLogVerifier(log);
        var intact = await verifier.VerifyAsync();
        Assert.True(intact.IsValid, intact.Message);
        Assert.True(intact.VerifiedCount >= 4, $"{intact.VerifiedCount} records");

        // Enschede's status query was logged as a read on the consent, for the jongere's inzage.
        var enschedeRecords = await log.ListByOrganisationAsync(Twente.Enschede, new ProcessingLogPageRequest());
        Assert.Contains(enschedeRecords.Records, r => r.Action == ProcessingAction.Read && r.LegalBasis == ProcessingLegalBasis.Consent(consent.ConsentId));

        // Someone with database access rewrites the purpose of the second record.
        await ExecuteAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 2");

        var tampered = await verifier.VerifyAsync();
        Assert.False(tampered.IsValid);
        Assert.Equal(2, tampered.FirstInvalidSequence);
        (log as IDisposable)?.Dispose();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await hub.Hub.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

public sealed class ProcessingLogScenarioOnSqliteTests(SqliteTwenteHub hub) : ProcessingLogScenarioTests<SqliteTwenteHub>(hub), IClassFixture<SqliteTwenteHub>;

public sealed class ProcessingLogScenarioOnPostgreSqlTests(PostgreSqlTwenteHub hub) : ProcessingLogScenarioTests<PostgreSqlTwenteHub>(hub), IClassFixture<PostgreSqlTwenteHub>;
