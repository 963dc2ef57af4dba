using Microsoft.Extensions.Time.Testing;

namespace Interop.Caching.Tests;

public sealed class InMemorySharedStateStoreTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task TryAdd_FirstThenSecond_TrueThenFalse()
    {
        var store = new InMemorySharedStateStore(_time);

        Assert.True(await store.TryAddAsync("jti-1", TimeSpan.FromMinutes(5)).WaitAsync(Timeout));
        Assert.False(await store.TryAddAsync("jti-1", TimeSpan.FromMinutes(5)).WaitAsync(Timeout));
        Assert.True(await store.TryAddAsync("jti-2", TimeSpan.FromMinutes(5)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task TryAdd_AfterExpiry_TrueAgain()
    {
        var store = new InMemorySharedStateStore(_time);
        Assert.True(await store.TryAddAsync("k", TimeSpan.FromSeconds(30)).WaitAsync(Timeout));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(await store.TryAddAsync("k", TimeSpan.FromSeconds(30)).WaitAsync(Timeout));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await store.TryAddAsync("k", TimeSpan.FromSeconds(30)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Increment_WithinWindow_CountsUpAndKeepsFirstExpiry()
    {
        var store = new InMemorySharedStateStore(_time);

        Assert.Equal(1, await store.IncrementAsync("rate", TimeSpan.FromSeconds(10)).WaitAsync(Timeout));
        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, await store.IncrementAsync("rate", TimeSpan.FromSeconds(10)).WaitAsync(Timeout));
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, await store.IncrementAsync("rate", TimeSpan.FromSeconds(10)).WaitAsync(Timeout));

        // Fixed window: later increments do not extend it, so it ends 10 s after the first.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await store.IncrementAsync("rate", TimeSpan.FromSeconds(10)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Prune_AfterInterval_RemovesExpiredEntriesOnly()
    {
        var store = new InMemorySharedStateStore(_time);
        for (var i = 0; i < 100; i++)
        {
            await store.TryAddAsync($"short-{i}", TimeSpan.FromSeconds(1)).WaitAsync(Timeout);
        }

        await store.TryAddAsync("long", TimeSpan.FromHours(1)).WaitAsync(Timeout);
        Assert.Equal(101, store.Count);

        _time.Advance(InMemorySharedStateStore.PruneInterval);
        await store.IncrementAsync("trigger", TimeSpan.FromSeconds(1)).WaitAsync(Timeout);

        Assert.Equal(2, store.Count);
        Assert.False(await store.TryAddAsync("long", TimeSpan.FromHours(1)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task TryAdd_ManyConcurrentCallers_ExactlyOneWins()
    {
        var store = new InMemorySharedStateStore(_time);

        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => store.TryAddAsync("same", TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Increment_ManyConcurrentCallers_CountsEveryCall()
    {
        var store = new InMemorySharedStateStore(_time);

        var results = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => store.IncrementAsync("counter", TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);

        Assert.Equal(1000, results.Max());
        Assert.Equal(1000, results.Distinct().Count());
    }

    [Fact]
    public async Task TryAdd_NonPositiveTimeToLive_Throws()
    {
        var store = new InMemorySharedStateStore(_time);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.TryAddAsync("k", TimeSpan.Zero)).WaitAsync(Timeout);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.IncrementAsync("k", TimeSpan.FromSeconds(-1))).WaitAsync(Timeout);
    }
}
