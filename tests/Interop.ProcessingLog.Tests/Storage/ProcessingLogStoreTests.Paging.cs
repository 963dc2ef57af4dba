using Interop.Contracts.V1;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

public abstract partial class ProcessingLogStoreTests
{
    [Fact]
    public async Task ListBySubject_PagesNewestFirst_OnlyThatSubject_WithoutConfidential()
    {
        for (var i = 0; i < 7; i++)
        {
            await Log.AppendAsync(Records.Read(subject: "sub-aaaa", n: i)).WaitAsync(Timeout);
            await Log.AppendAsync(Records.Read(subject: "sub-bbbb", n: i)).WaitAsync(Timeout);
        }

        await Log.AppendAsync(Records.Read(subject: "sub-aaaa") with { Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk }).WaitAsync(Timeout);

        var seen = await ReadAllPagesAsync(page => Log.ListBySubjectAsync("sub-aaaa", page), pageSize: 3);
        Assert.Equal([13, 11, 9, 7, 5, 3, 1], seen.SelectMany(p => p).Select(r => r.Sequence));
        Assert.Equal([3, 3, 1], seen.Select(p => p.Count));
        Assert.All(seen.SelectMany(p => p), r => Assert.Equal("sub-aaaa", r.DataSubjectRef));
    }

    [Fact]
    public async Task ListByOrganisation_PagesNewestFirst_OnlyThatRequester()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log.AppendAsync(Records.Read(requester: Records.RocOin, n: i)).WaitAsync(Timeout);
            await Log.AppendAsync(Records.Read(requester: Records.GemeenteOin, n: i)).WaitAsync(Timeout);
        }

        var seen = await ReadAllPagesAsync(page => Log.ListByOrganisationAsync(Records.RocOin, page), pageSize: 2);
        Assert.Equal([9, 7, 5, 3, 1], seen.SelectMany(p => p).Select(r => r.Sequence));
        Assert.All(seen.SelectMany(p => p), r => Assert.Equal(Records.RocOin, r.RequestingOrganisationOin));

        // An exact fit: the last full page says there is no next one.
        var all = await Log.ListByOrganisationAsync(Records.RocOin, new ProcessingLogPageRequest(5)).WaitAsync(Timeout);
        Assert.Equal(5, all.Records.Count);
        Assert.Null(all.NextPageToken);
        Assert.Empty((await Log.ListByOrganisationAsync("00000099000000000999", ProcessingLogPageRequest.First).WaitAsync(Timeout)).Records);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("AQAAAAAAAAAA")] // version 1, sequence 0
    public async Task List_ForgedPageToken_Refused(string token)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListBySubjectAsync("sub-aaaa", new ProcessingLogPageRequest(10, token)).WaitAsync(Timeout));
    }

    private static async Task<List<List<ProcessingLogRecord>>> ReadAllPagesAsync(Func<ProcessingLogPageRequest, Task<ProcessingLogPage>> list, int pageSize)
    {
        var pages = new List<List<ProcessingLogRecord>>();
        string? token = null;
        do
        {
            var page = await list(new ProcessingLogPageRequest(pageSize, token)).WaitAsync(Timeout);
            pages.Add([.. page.Records]);
            token = page.NextPageToken;
        }
        while (token is not null && pages.Count < 100);

        return pages;
    }
}
