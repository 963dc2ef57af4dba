using Interop.Caching.Tests.Infrastructure;

namespace Interop.Caching.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisSharedStateStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RedisFixture _redis;
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private RedisConnection _connection = null!;
    private RedisSharedStateStore _store = null!;

    public RedisSharedStateStoreTests(RedisFixture redis) => _redis = redis;

    public Task InitializeAsync()
    {
        _connection = new RedisConnection(_redis.Server.Configuration);
        _store = new RedisSharedStateStore(_connection, _prefix);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task TryAdd_FirstThenSecond_TrueThenFalse()
    {
        Assert.True(await _store.TryAddAsync("jti-1", TimeSpan.FromMinutes(5)).WaitAsync(Timeout));
        Assert.False(await _store.TryAddAsync("jti-1", TimeSpan.FromMinutes(5)).WaitAsync(Timeout));

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "jti-1").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task TryAdd_AfterExpiry_TrueAgain()
    {
        Assert.True(await _store.TryAddAsync("short", TimeSpan.FromMilliseconds(300)).WaitAsync(Timeout));

        await Eventually.TrueAsync(
            () => _store.TryAddAsync("short", TimeSpan.FromMinutes(1)), TimeSpan.FromSeconds(3), "the key is accepted again once it expired");
        Assert.False(await _store.TryAddAsync("short", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Increment_Window_CountsThenRestartsAfterExpiry()
    {
        Assert.Equal(1, await _store.IncrementAsync("rate", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.Equal(2, await _store.IncrementAsync("rate", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.Equal(3, await _store.IncrementAsync("rate", TimeSpan.FromMinutes(10)).WaitAsync(Timeout));

        // Fixed window: later increments did not move the expiry set by the first.
        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "rate").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));

        // End the window early instead of waiting a minute; the next increment starts a new one.
        await _redis.Inspector.KeyExpireAsync(_prefix + "rate", TimeSpan.FromMilliseconds(200)).WaitAsync(Timeout);
        await Eventually.TrueAsync(
            async () => !await _redis.Inspector.KeyExistsAsync(_prefix + "rate"), TimeSpan.FromSeconds(3), "the window ends");
        Assert.Equal(1, await _store.IncrementAsync("rate", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task Increment_ShortWindow_ExpiresByItself()
    {
        Assert.Equal(1, await _store.IncrementAsync("brief", TimeSpan.FromMilliseconds(300)).WaitAsync(Timeout));

        await Eventually.TrueAsync(
            async () => !await _redis.Inspector.KeyExistsAsync(_prefix + "brief"), TimeSpan.FromSeconds(3), "a 300 ms window expires");
    }

    [Fact]
    public async Task Increment_CounterWithoutTtl_GetsOne()
    {
        await _redis.Inspector.StringSetAsync(_prefix + "orphan", 41).WaitAsync(Timeout);

        Assert.Equal(42, await _store.IncrementAsync("orphan", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));

        Assert.NotNull(await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "orphan").WaitAsync(Timeout));
    }

    [Fact]
    public async Task TryAdd_100ParallelCallers_ExactlyOneTrue()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => _store.TryAddAsync("same", TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task Increment_1000ParallelCallers_Reaches1000()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => _store.IncrementAsync("counter", TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);

        Assert.Equal(1000, results.Max());
        Assert.Equal(1000, results.Distinct().Count());
        Assert.Equal(1000, (long)await _redis.Inspector.StringGetAsync(_prefix + "counter").WaitAsync(Timeout));
    }

    [Fact]
    public async Task TwoNodes_KeyAddedByOne_RefusedByOther()
    {
        // Two connections and stores, as two hub processes would have, on one redis-server.
        await using var otherConnection = new RedisConnection(_redis.Server.Configuration);
        var nodeB = new RedisSharedStateStore(otherConnection, _prefix);

        Assert.True(await _store.TryAddAsync("assertion-id", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.False(await nodeB.TryAddAsync("assertion-id", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));

        Assert.Equal(1, await nodeB.IncrementAsync("shared-counter", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.Equal(2, await _store.IncrementAsync("shared-counter", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
    }

    [Fact]
    public async Task TwoNodes_ParallelTryAdd_ExactlyOneTrue()
    {
        await using var otherConnection = new RedisConnection(_redis.Server.Configuration);
        var nodeB = new RedisSharedStateStore(otherConnection, _prefix);

        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => (i % 2 == 0 ? _store : nodeB).TryAddAsync("raced", TimeSpan.FromMinutes(1))))).WaitAsync(Timeout);

        Assert.Single(results, r => r);
    }

    [Fact]
    public async Task TryAdd_DifferentInstanceNames_DoNotCollide()
    {
        var other = new RedisSharedStateStore(_connection, RedisFixture.UniquePrefix());

        Assert.True(await _store.TryAddAsync("k", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.True(await other.TryAddAsync("k", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.True(await _redis.Inspector.KeyExistsAsync(_prefix + "k").WaitAsync(Timeout));
    }
}
