using Microsoft.Extensions.Caching.Distributed;

namespace Interop.Caching.Internal;

/// <summary>The three IDistributedCache expirations reduced to what is stored in Redis.</summary>
internal readonly record struct StoredExpiry(long SlidingMilliseconds, long AbsoluteUnixMilliseconds, long TimeToLiveMilliseconds)
{
    /// <summary>Marks a missing sliding window, absolute expiry or TTL.</summary>
    public const long None = -1;

    /// <summary>
    /// Combines the options as IDistributedCache defines them: relative-to-now wins over absolute, and the TTL is
    /// the sliding window capped by the absolute expiry.
    /// </summary>
    public static StoredExpiry From(DistributedCacheEntryOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset? absolute = options.AbsoluteExpiration;
        if (options.AbsoluteExpirationRelativeToNow is { } relative)
        {
            absolute = now + relative;
        }

        if (absolute is { } a && a <= now)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                a,
                "The absolute expiration value must be in the future.");
        }

        long sliding = options.SlidingExpiration is { } s ? Milliseconds(s) : None;
        long absoluteMs = absolute?.ToUnixTimeMilliseconds() ?? None;
        long ttl = None;
        if (absolute is { } abs)
        {
            ttl = Milliseconds(abs - now);
        }

        if (sliding != None)
        {
            ttl = ttl == None ? sliding : Math.Min(ttl, sliding);
        }

        return new StoredExpiry(sliding, absoluteMs, ttl);
    }

    /// <summary>Whole milliseconds, rounded up and at least 1: Redis rejects a zero PEXPIRE as "expire now".</summary>
    public static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));
}
