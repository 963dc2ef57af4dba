using Interop.Caching.Tests.Infrastructure;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Infrastructure;
using Interop.ProcessingLog;
using Interop.ProcessingLog.Tests.Infrastructure;
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

        // The hub anchors its log every second (this fixture's setting): the newest record ends up in the anchor file,
        // outside the database, and the whole log checks out against every anchor in it.
        var head = await AnchoredHeadAsync(intact.Head!);
        var anchors = await ProcessingLogAnchorFile.ReadAsync(hub.Hub.AnchorFilePath);
        Assert.True((await verifier.VerifyAsync(anchors)).IsValid);

        // Someone with database access rewrites who asked for record 2 and recomputes every later hash: the chain
        // alone verifies, the anchors do not, and the running hub says so at its next round.
        var chain = await log.ReadChainAsync(0, (int)head.Sequence);
        await RechainFromAsync(chain, index: 1, chain[1] with { RequestingOrganisationOin = "00000099000000000666" });
        Assert.True((await verifier.VerifyAsync()).IsValid);
        var rewritten = await verifier.VerifyAsync(anchors);
        Assert.Equal(ProcessingLogDefect.AnchorMismatch, rewritten.Defect);
        await Eventually.TrueAsync(
            () => Task.FromResult(hub.Hub.Output.Contains($"No processing log anchor published: after the anchor {head} the chain is broken at record {head.Sequence} (AnchorMismatch)", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30),
            "the hub reports the rewritten chain");

        // Someone alters the purpose of the second record without recomputing: the chain alone finds it.
        await ExecuteAsync("UPDATE processing_record SET purpose_code = 'iets-anders' WHERE sequence_no = 2");

        var tampered = await verifier.VerifyAsync();
        Assert.False(tampered.IsValid);
        Assert.Equal(2, tampered.FirstInvalidSequence);
        (log as IDisposable)?.Dispose();
    }

    // Waits until the hub's anchor file ends with an anchor on `head` (or a later record).
    private async Task<ProcessingLogAnchor> AnchoredHeadAsync(ProcessingLogAnchor head)
    {
        ProcessingLogAnchor? last = null;
        await Eventually.TrueAsync(
            async () =>
            {
                var anchors = File.Exists(hub.Hub.AnchorFilePath) ? await ProcessingLogAnchorFile.ReadAsync(hub.Hub.AnchorFilePath) : [];
                last = anchors.Count == 0 ? null : anchors[^1];
                return last is not null && last.Sequence >= head.Sequence;
            },
            TimeSpan.FromSeconds(30),
            $"an anchor on record {head.Sequence} in {hub.Hub.AnchorFilePath}");
        return last!;
    }

    // Rewrites the chain from chain[index] on, as someone with write access could (see ChainRewrite).
    private async Task RechainFromAsync(IReadOnlyList<ProcessingLogRecord> chain, int index, ProcessingLogRecord altered)
    {
        foreach (var statement in ChainRewrite.Statements(chain, index, altered))
        {
            await ExecuteAsync(statement);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await hub.Hub.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

public sealed class ProcessingLogScenarioOnSqliteTests(AnchoringSqliteHub hub) : ProcessingLogScenarioTests<AnchoringSqliteHub>(hub), IClassFixture<AnchoringSqliteHub>;

public sealed class ProcessingLogScenarioOnPostgreSqlTests(AnchoringPostgreSqlHub hub) : ProcessingLogScenarioTests<AnchoringPostgreSqlHub>(hub), IClassFixture<AnchoringPostgreSqlHub>;

/// <summary>The Twente hub on SQLite, anchoring its processing log every second.</summary>
public sealed class AnchoringSqliteHub() : TwenteHubFixture(StorageProvider.Sqlite, "--Interop:ProcessingLog:Anchors:Interval=00:00:01");

/// <summary>The Twente hub on PostgreSQL, anchoring its processing log every second.</summary>
public sealed class AnchoringPostgreSqlHub() : TwenteHubFixture(StorageProvider.PostgreSql, "--Interop:ProcessingLog:Anchors:Interval=00:00:01");
