using Interop.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Caching.Tests;

/// <summary>Outages: a replay check must never pass because Redis is unreachable.</summary>
public sealed class RedisConnectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TryAdd_RedisNeverReachable_ThrowsUnavailable()
    {
        await using var connection = new RedisConnection($"127.0.0.1:{RedisServer.FreePort()},connectTimeout=500,syncTimeout=1000");
        var store = new RedisSharedStateStore(connection, "interop:");

        var ex = await Assert.ThrowsAsync<SharedStateUnavailableException>(
            () => store.TryAddAsync("jti", TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        Assert.Contains("TRYADD", ex.Message);
        Assert.False(connection.IsConnected);
        await Assert.ThrowsAsync<SharedStateUnavailableException>(() => store.IncrementAsync("n", TimeSpan.FromMinutes(1))).WaitAsync(Timeout);
        var cache = new RedisDistributedCache(connection, "interop:");
        await Assert.ThrowsAsync<SharedStateUnavailableException>(() => cache.GetAsync("c")).WaitAsync(Timeout);
    }

    [Fact]
    public async Task TryAdd_RedisKilledAfterConnect_ThrowsUnavailableThenRecovers()
    {
        var server = await RedisServer.StartAsync().WaitAsync(Timeout);
        var port = server.Port;
        await using var connection = new RedisConnection($"{server.Configuration},connectTimeout=500,syncTimeout=1000");
        var store = new RedisSharedStateStore(connection, "interop:");
        Assert.True(await store.TryAddAsync("before", TimeSpan.FromMinutes(1)).WaitAsync(Timeout));
        Assert.True(connection.IsConnected);

        await server.DisposeAsync();

        // Every call during the outage throws; none may report the key as new.
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<SharedStateUnavailableException>(
                () => store.TryAddAsync($"during-{i}", TimeSpan.FromMinutes(1))).WaitAsync(Timeout);
        }

        Assert.False(connection.IsConnected);

        // Redis comes back on the same address: the same connection object recovers without a restart of the hub.
        await using var restarted = await RedisServer.StartAsync(port).WaitAsync(Timeout);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return await store.TryAddAsync("after", TimeSpan.FromMinutes(1));
                }
                catch (SharedStateUnavailableException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(15),
            "the connection recovers once Redis is back");
    }

    [Fact]
    public async Task Execute_FailingLongerThanReplaceInterval_ReplacesConnectionWhichThenWorks()
    {
        var time = new FakeTimeProvider();
        var port = RedisServer.FreePort();
        var logger = new RecordingLogger<RedisConnection>();
        await using var connection = new RedisConnection($"127.0.0.1:{port},connectTimeout=500", time, logger);
        var store = new RedisSharedStateStore(connection, "interop:");
        await Assert.ThrowsAsync<SharedStateUnavailableException>(() => store.TryAddAsync("a", TimeSpan.FromMinutes(1))).WaitAsync(Timeout);

        time.Advance(RedisConnection.ReplaceBrokenConnectionAfter);
        // This failure throws the broken multiplexer away; the next call makes a new one.
        await Assert.ThrowsAsync<SharedStateUnavailableException>(() => store.TryAddAsync("b", TimeSpan.FromMinutes(1))).WaitAsync(Timeout);
        Assert.Single(logger.EventIds, id => id == 6); // CachingLog.Reconnecting

        await using var server = await RedisServer.StartAsync(port).WaitAsync(Timeout);
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return await store.TryAddAsync("c", TimeSpan.FromMinutes(1));
                }
                catch (SharedStateUnavailableException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(15),
            "the replacement connection reaches Redis");
    }

    [Fact]
    public void Constructor_MalformedConfiguration_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new RedisConnection("127.0.0.1:6379,notAnOption=1"));
        Assert.Throws<ArgumentException>(() => new RedisConnection(",,,"));
    }

    [Fact]
    public async Task Dispose_ThenUse_ThrowsObjectDisposed()
    {
        var connection = new RedisConnection("127.0.0.1:1");
        await connection.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => new RedisDistributedCache(connection, "x:").SetAsync("k", [1], new DistributedCacheEntryOptions())).WaitAsync(Timeout);
    }
}
