using Interop.Caching.Internal;
using Microsoft.Extensions.Caching.Distributed;

namespace Interop.Caching.Tests;

public sealed class StoredExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_NoExpiry_StoresNone()
    {
        var expiry = StoredExpiry.From(new DistributedCacheEntryOptions(), Now);

        Assert.Equal(new StoredExpiry(StoredExpiry.None, StoredExpiry.None, StoredExpiry.None), expiry);
    }

    [Fact]
    public void From_SlidingAndLaterAbsolute_TtlIsSliding()
    {
        var expiry = StoredExpiry.From(
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(10), AbsoluteExpiration = Now.AddMinutes(1) },
            Now);

        Assert.Equal(10_000, expiry.SlidingMilliseconds);
        Assert.Equal(Now.AddMinutes(1).ToUnixTimeMilliseconds(), expiry.AbsoluteUnixMilliseconds);
        Assert.Equal(10_000, expiry.TimeToLiveMilliseconds);
    }

    [Fact]
    public void From_SlidingPastAbsolute_TtlCappedByAbsolute()
    {
        var expiry = StoredExpiry.From(
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(3) },
            Now);

        Assert.Equal(3_000, expiry.TimeToLiveMilliseconds);
    }

    [Fact]
    public void From_RelativeAndAbsolute_RelativeWins()
    {
        var expiry = StoredExpiry.From(
            new DistributedCacheEntryOptions { AbsoluteExpiration = Now.AddHours(1), AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(5) },
            Now);

        Assert.Equal(Now.AddSeconds(5).ToUnixTimeMilliseconds(), expiry.AbsoluteUnixMilliseconds);
        Assert.Equal(5_000, expiry.TimeToLiveMilliseconds);
    }

    [Fact]
    public void From_AbsoluteInThePast_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            StoredExpiry.From(new DistributedCacheEntryOptions { AbsoluteExpiration = Now.AddSeconds(-1) }, Now));
    }
}
