using Interop.Contracts.V1;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

/// <summary>
/// The contract every provider must meet, run once per provider by a concrete subclass (SQLite, PostgreSQL). Every
/// test starts on a new, empty database.
/// </summary>
public abstract partial class ProcessingLogStoreTests : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private IProcessingLog? _log;

    /// <summary>The log under test (not yet migrated: the first call migrates).</summary>
    protected IProcessingLog Log => _log ?? throw new InvalidOperationException("Created in InitializeAsync.");

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync().WaitAsync(Timeout);
        _log = OpenNode();
    }

    public async Task DisposeAsync()
    {
        await DropDatabaseAsync().WaitAsync(Timeout);
        if (_anchorDirectory is { } directory && Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Prepares a new, empty database for this test.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new log instance on this test's database, as another hub node would open it.</summary>
    protected abstract IProcessingLog OpenNode();

    /// <summary>Runs <paramref name="sql"/> directly on the database (tampering, as someone with database access could).</summary>
    protected abstract Task<int> ExecuteSqlAsync(string sql);

    /// <summary>Closes every log instance and removes the database.</summary>
    protected abstract Task DropDatabaseAsync();

    protected Task<ProcessingLogVerificationResult> VerifyAsync() => new ProcessingLogVerifier(Log).VerifyAsync().WaitAsync(Timeout);

    [Fact]
    public async Task Append_ReadBack_KeepsEveryFieldAndChains()
    {
        var first = await Log.AppendAsync(Records.Read()).WaitAsync(Timeout);
        var second = await Log.AppendAsync(Records.Read(n: 1) with
        {
            LegalBasis = ProcessingLegalBasis.StatutoryTask("rmc-vsv"),
            ParentSpanId = "",
            ExecutingOrganisationOin = "",
            DataCategories = [],
            Status = ProcessingStatus.Error,
        }).WaitAsync(Timeout);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(ProcessingRecordHash.GenesisHash.ToArray(), first.PreviousHash.ToArray());
        Assert.Equal(first.RecordHash.ToArray(), second.PreviousHash.ToArray());
        Assert.True(first.HasValidHash());

        var chain = await Log.ReadChainAsync(0, 10).WaitAsync(Timeout);
        Assert.Equal(2, chain.Count);
        AssertSameRecord(first, chain[0]);
        AssertSameRecord(second, chain[1]);
        Assert.Equal(ProcessingLegalBasisKind.StatutoryTask, chain[1].LegalBasis.Kind);
        Assert.Empty(chain[1].DataCategories);
    }

    [Fact]
    public async Task Append_InvalidRecord_ThrowsAndWritesNothing()
    {
        await Assert.ThrowsAsync<ProcessingLogValidationException>(() => Log.AppendAsync(Records.Read() with { TraceId = "nope" }).WaitAsync(Timeout));
        Assert.Empty(await Log.ReadChainAsync(0, 10).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Verify_EmptyLog_IsValid()
    {
        var result = await VerifyAsync();
        Assert.True(result.IsValid);
        Assert.Equal(0, result.VerifiedCount);
        Assert.Equal(ProcessingRecordHash.GenesisHash.ToArray(), result.HeadHash.ToArray());
    }

    [Fact]
    public async Task Verify_IntactChain_ReportsCountAndHead()
    {
        ProcessingLogRecord last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await Log.AppendAsync(Records.Read(n: i)).WaitAsync(Timeout);
        }

        var result = await VerifyAsync();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(5, result.VerifiedCount);
        Assert.Null(result.FirstInvalidSequence);
        Assert.Equal(last.RecordHash.ToArray(), result.HeadHash.ToArray());
    }

    private static void AssertSameRecord(ProcessingLogRecord expected, ProcessingLogRecord actual)
    {
        // Records compare memory by reference, so compare the hashes as bytes and the rest with them cleared.
        Assert.Equal(expected.RecordHash.ToArray(), actual.RecordHash.ToArray());
        Assert.Equal(expected.PreviousHash.ToArray(), actual.PreviousHash.ToArray());
        Assert.Equal(expected.DataCategories, actual.DataCategories);
        Assert.Equal(
            expected with { RecordHash = default, PreviousHash = default, DataCategories = [] },
            actual with { RecordHash = default, PreviousHash = default, DataCategories = [] });
        Assert.True(actual.HasValidHash());
    }
}
