using System.Text;
using Interop.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;

namespace Interop.Caching.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedisDistributedCacheTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RedisFixture _redis;
    private readonly string _prefix = RedisFixture.UniquePrefix();
    private RedisConnection _connection = null!;
    private RedisDistributedCache _cache = null!;

    public RedisDistributedCacheTests(RedisFixture redis) => _redis = redis;

    public Task InitializeAsync()
    {
        _connection = new RedisConnection(_redis.Server.Configuration);
        _cache = new RedisDistributedCache(_connection, _prefix);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    [Fact]
    public async Task SetGetRemove_Async_RoundTrips()
    {
        var value = Encoding.UTF8.GetBytes("waarde");

        await _cache.SetAsync("a", value, new DistributedCacheEntryOptions()).WaitAsync(Timeout);
        Assert.Equal(value, await _cache.GetAsync("a").WaitAsync(Timeout));

        await _cache.RemoveAsync("a").WaitAsync(Timeout);
        Assert.Null(await _cache.GetAsync("a").WaitAsync(Timeout));
    }

    [Fact]
    public async Task SetGetRemove_Sync_RoundTrips()
    {
        var value = new byte[] { 0, 1, 2, 255 };

        await Task.Run(() =>
        {
            _cache.Set("s", value, new DistributedCacheEntryOptions());
            Assert.Equal(value, _cache.Get("s"));
            _cache.Refresh("s");
            _cache.Remove("s");
            Assert.Null(_cache.Get("s"));
        }).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        Assert.Null(await _cache.GetAsync("missing").WaitAsync(Timeout));
        await _cache.RefreshAsync("missing").WaitAsync(Timeout);
        Assert.False(await _redis.Inspector.KeyExistsAsync(_prefix + "missing").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Set_Overwrite_ReplacesValueAndExpiry()
    {
        await _cache.SetAsync("o", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5) }).WaitAsync(Timeout);
        await _cache.SetAsync("o", [2], new DistributedCacheEntryOptions()).WaitAsync(Timeout);

        Assert.Equal(new byte[] { 2 }, await _cache.GetAsync("o").WaitAsync(Timeout));
        Assert.Null(await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "o").WaitAsync(Timeout));
    }

    [Fact]
    public async Task Set_Key_IsStoredUnderInstanceNamePrefix()
    {
        await _cache.SetAsync("p", [7], new DistributedCacheEntryOptions()).WaitAsync(Timeout);

        Assert.True(await _redis.Inspector.KeyExistsAsync(_prefix + "p").WaitAsync(Timeout));
        Assert.False(await _redis.Inspector.KeyExistsAsync("p").WaitAsync(Timeout));
        var other = new RedisDistributedCache(_connection, RedisFixture.UniquePrefix());
        Assert.Null(await other.GetAsync("p").WaitAsync(Timeout));
    }

    [Fact]
    public async Task AbsoluteExpirationRelativeToNow_Elapsed_EntryGone()
    {
        await _cache.SetAsync("abs", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(300) }).WaitAsync(Timeout);
        Assert.NotNull(await _cache.GetAsync("abs").WaitAsync(Timeout));

        await Eventually.TrueAsync(async () => await _cache.GetAsync("abs") is null, TimeSpan.FromSeconds(3), "entry expires after 300 ms");
    }

    [Fact]
    public async Task AbsoluteExpiration_Set_TtlMatches()
    {
        await _cache.SetAsync("absdate", [1], new DistributedCacheEntryOptions { AbsoluteExpiration = DateTimeOffset.UtcNow.AddSeconds(20) }).WaitAsync(Timeout);

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "absdate").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task SlidingExpiration_ReadsWithinWindow_KeepEntryAlive()
    {
        var options = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(1000) };
        await _cache.SetAsync("slide", [1], options).WaitAsync(Timeout);

        // Eight reads 200 ms apart span 1.6 s, well past the 1 s window: each read slides it.
        for (var i = 0; i < 8; i++)
        {
            await Task.Delay(200);
            Assert.NotNull(await _cache.GetAsync("slide").WaitAsync(Timeout));
        }

        await Eventually.TrueAsync(
            async () => !await _redis.Inspector.KeyExistsAsync(_prefix + "slide"), TimeSpan.FromSeconds(3), "entry expires once reads stop");
    }

    [Fact]
    public async Task Get_SlidingEntry_ResetsTtl()
    {
        await _cache.SetAsync("g", [1], new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(30) }).WaitAsync(Timeout);
        await _redis.Inspector.KeyExpireAsync(_prefix + "g", TimeSpan.FromSeconds(2)).WaitAsync(Timeout);

        Assert.NotNull(await _cache.GetAsync("g").WaitAsync(Timeout));

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "g").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Refresh_SlidingEntry_ResetsTtl()
    {
        var options = new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(30) };
        await _cache.SetAsync("r", [1], options).WaitAsync(Timeout);
        await _redis.Inspector.KeyExpireAsync(_prefix + "r", TimeSpan.FromSeconds(2)).WaitAsync(Timeout);

        await _cache.RefreshAsync("r").WaitAsync(Timeout);

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "r").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Refresh_SlidingBeyondAbsolute_NeverExtendsPastAbsolute()
    {
        var options = new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromSeconds(60),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5),
        };
        await _cache.SetAsync("cap", [1], options).WaitAsync(Timeout);

        await _cache.RefreshAsync("cap").WaitAsync(Timeout);
        Assert.NotNull(await _cache.GetAsync("cap").WaitAsync(Timeout));

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "cap").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SlidingWithAbsolute_ContinuousReads_EntryStillExpiresAtAbsolute()
    {
        var options = new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMilliseconds(300),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(700),
        };
        await _cache.SetAsync("both", [1], options).WaitAsync(Timeout);

        await Eventually.TrueAsync(async () => await _cache.GetAsync("both") is null, TimeSpan.FromSeconds(3), "reads cannot outlive the absolute expiry");
    }

    [Fact]
    public async Task Refresh_NonSlidingEntry_LeavesTtlAlone()
    {
        await _cache.SetAsync("fixed", [1], new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5) }).WaitAsync(Timeout);
        await _redis.Inspector.KeyExpireAsync(_prefix + "fixed", TimeSpan.FromSeconds(2)).WaitAsync(Timeout);

        await _cache.RefreshAsync("fixed").WaitAsync(Timeout);

        var ttl = await _redis.Inspector.KeyTimeToLiveAsync(_prefix + "fixed").WaitAsync(Timeout);
        Assert.InRange(ttl!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(2));
    }
}
