using Interop.Contracts.V1;
using Interop.ProcessingLog.Tests.Infrastructure;

namespace Interop.ProcessingLog.Tests.Storage;

public abstract partial class ProcessingLogStoreTests
{
    [Fact]
    public async Task ListBySubject_StartTimeRange_IsHalfOpen_AndPages()
    {
        // Records.Read(n) starts at Start + n seconds: n = 0..9 for sub-aaaa, one for another subject in the range.
        for (var i = 0; i < 10; i++)
        {
            await Log.AppendAsync(Records.Read(subject: "sub-aaaa", n: i)).WaitAsync(Timeout);
        }

        await Log.AppendAsync(Records.Read(subject: "sub-bbbb", n: 5)).WaitAsync(Timeout);
        var filter = new ProcessingLogFilter { StartTimeFrom = Records.Start.AddSeconds(3), StartTimeBefore = Records.Start.AddSeconds(8) };

        var seen = await ReadAllPagesAsync(page => Log.ListBySubjectAsync("sub-aaaa", page, filter), pageSize: 2);
        Assert.Equal([8, 7, 6, 5, 4], seen.SelectMany(p => p).Select(r => r.Sequence));
        Assert.Equal([2, 2, 1], seen.Select(p => p.Count));

        var open = await Log.ListBySubjectAsync("sub-aaaa", ProcessingLogPageRequest.First, new ProcessingLogFilter { StartTimeFrom = Records.Start.AddSeconds(8) }).WaitAsync(Timeout);
        Assert.Equal([10, 9], open.Records.Select(r => r.Sequence));
        var upTo = await Log.ListBySubjectAsync("sub-aaaa", ProcessingLogPageRequest.First, new ProcessingLogFilter { StartTimeBefore = Records.Start.AddSeconds(1) }).WaitAsync(Timeout);
        Assert.Equal([1L], upTo.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task ListBySubject_WithFilter_StillLeavesOutConfidential()
    {
        await Log.AppendAsync(Records.Read(subject: "sub-aaaa", n: 1)).WaitAsync(Timeout);
        await Log.AppendAsync(Records.Read(subject: "sub-aaaa", n: 2) with { Vertrouwelijkheid = Vertrouwelijkheid.Vertrouwelijk }).WaitAsync(Timeout);
        await Log.AppendAsync(Records.Read(subject: "sub-aaaa", n: 3) with { Vertrouwelijkheid = Vertrouwelijkheid.Opgeheven }).WaitAsync(Timeout);

        var page = await Log.ListBySubjectAsync("sub-aaaa", ProcessingLogPageRequest.First, new ProcessingLogFilter { StartTimeFrom = Records.Start }).WaitAsync(Timeout);
        Assert.Equal([3, 1], page.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task ListByOrganisation_SubjectAndTimeFilters_Combine()
    {
        for (var i = 0; i < 6; i++)
        {
            await Log.AppendAsync(Records.Read(subject: i % 2 == 0 ? "sub-aaaa" : "sub-bbbb", requester: Records.RocOin, n: i)).WaitAsync(Timeout);
            await Log.AppendAsync(Records.Read(subject: "sub-aaaa", requester: Records.GemeenteOin, n: i)).WaitAsync(Timeout);
        }

        var bySubject = await ReadAllPagesAsync(page => Log.ListByOrganisationAsync(Records.RocOin, page, new ProcessingLogFilter { DataSubjectRef = "sub-aaaa" }), pageSize: 2);
        Assert.Equal([9, 5, 1], bySubject.SelectMany(p => p).Select(r => r.Sequence));

        var both = await Log.ListByOrganisationAsync(
            Records.RocOin,
            ProcessingLogPageRequest.First,
            new ProcessingLogFilter { DataSubjectRef = "sub-aaaa", StartTimeFrom = Records.Start.AddSeconds(1), StartTimeBefore = Records.Start.AddSeconds(4) }).WaitAsync(Timeout);
        Assert.Equal([5L], both.Records.Select(r => r.Sequence));

        var none = await Log.ListByOrganisationAsync(Records.RocOin, ProcessingLogPageRequest.First, new ProcessingLogFilter { DataSubjectRef = "sub-cccc" }).WaitAsync(Timeout);
        Assert.Empty(none.Records);
        Assert.Null(none.NextPageToken);
    }

    [Fact]
    public async Task List_PageTokenOfAnotherFilterOrListing_Refused()
    {
        for (var i = 0; i < 4; i++)
        {
            await Log.AppendAsync(Records.Read(subject: "sub-aaaa", requester: Records.RocOin, n: i)).WaitAsync(Timeout);
        }

        var filter = new ProcessingLogFilter { StartTimeFrom = Records.Start };
        var first = await Log.ListBySubjectAsync("sub-aaaa", new ProcessingLogPageRequest(1), filter).WaitAsync(Timeout);
        Assert.NotNull(first.NextPageToken);

        // The same filter continues; another filter, another subject or the organisation listing refuse the token.
        Assert.Single((await Log.ListBySubjectAsync("sub-aaaa", new ProcessingLogPageRequest(1, first.NextPageToken), filter).WaitAsync(Timeout)).Records);
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListBySubjectAsync("sub-aaaa", new ProcessingLogPageRequest(1, first.NextPageToken)).WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListBySubjectAsync("sub-aaaa", new ProcessingLogPageRequest(1, first.NextPageToken), filter with { StartTimeFrom = Records.Start.AddSeconds(1) }).WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListBySubjectAsync("sub-bbbb", new ProcessingLogPageRequest(1, first.NextPageToken), filter).WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListByOrganisationAsync(Records.RocOin, new ProcessingLogPageRequest(1, first.NextPageToken), filter).WaitAsync(Timeout));
    }

    [Fact]
    public async Task List_ContradictoryFilter_Refused()
    {
        var backwards = new ProcessingLogFilter { StartTimeFrom = Records.Start, StartTimeBefore = Records.Start };
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListBySubjectAsync("sub-aaaa", ProcessingLogPageRequest.First, backwards).WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Log.ListByOrganisationAsync(Records.RocOin, ProcessingLogPageRequest.First, new ProcessingLogFilter { DataSubjectRef = "" }).WaitAsync(Timeout));
    }
}
