using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

public abstract partial class ProcessingLogStoreTests
{
    [Fact]
    public async Task Append_EightParallelWriters_OneChainNoDuplicates()
    {
        var stored = await AppendInParallelAsync([Log], writers: 8, each: 50);

        AssertOneChain(stored, 400);
        var result = await VerifyAsync();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(400, result.VerifiedCount);
    }

    [Fact]
    public async Task Append_SeveralNodesOnOneDatabase_OneChain()
    {
        // Separate store instances stand for hub nodes (or processes): only the database lock orders them.
        var stored = await AppendInParallelAsync([Log, .. Enumerable.Range(0, 7).Select(_ => OpenNode())], writers: 1, each: 25);

        AssertOneChain(stored, 200);
        var result = await VerifyAsync();
        Assert.True(result.IsValid, result.Message);
        Assert.Equal(200, result.VerifiedCount);
    }

    private static async Task<List<ProcessingLogRecord>> AppendInParallelAsync(IProcessingLog[] nodes, int writers, int each)
    {
        var tasks = nodes.SelectMany((node, n) => Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = new List<ProcessingLogRecord>();
            for (var i = 0; i < each; i++)
            {
                mine.Add(await node.AppendAsync(Records.Read(subject: $"sub-{n}-{w}", n: i)));
            }

            return mine;
        })));
        var results = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        return results.SelectMany(r => r).ToList();
    }

    private static void AssertOneChain(List<ProcessingLogRecord> stored, int count)
    {
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), stored.Select(r => r.Sequence).Order());
        // No fork: every previous hash is used by exactly one record.
        Assert.Equal(count, stored.Select(r => Convert.ToHexString(r.PreviousHash.Span)).Distinct().Count());
    }
}
