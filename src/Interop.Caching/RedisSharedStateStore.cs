using Interop.Caching.Internal;
using StackExchange.Redis;

namespace Interop.Caching;

/// <summary>
/// <see cref="ISharedStateStore"/> on Redis: correct across any number of hub nodes sharing one Redis.
/// Keys are <see cref="CachingOptions.InstanceName"/> + key. When Redis cannot be reached every call throws
/// <see cref="SharedStateUnavailableException"/>; it never reports a key as new on error (replay checks fail closed).
/// </summary>
public sealed class RedisSharedStateStore : ISharedStateStore
{
    private static readonly RedisValue Marker = "1";

    private readonly RedisConnection _connection;
    private readonly string _instanceName;

    /// <summary>Creates the store on a shared connection.</summary>
    /// <param name="connection">The process-wide Redis connection.</param>
    /// <param name="instanceName">Prefix for every key, e.g. <c>interop:</c>.</param>
    public RedisSharedStateStore(RedisConnection connection, string instanceName)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(instanceName);
        _connection = connection;
        _instanceName = instanceName;
    }

    /// <inheritdoc />
    /// <remarks>One <c>SET key 1 PX ttl NX</c>: the existence check and the write cannot be split by another node.</remarks>
    public Task<bool> TryAddAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        var redisKey = Prefixed(key);
        var ttl = TimeSpan.FromMilliseconds(Milliseconds(timeToLive));
        return _connection.ExecuteAsync("TRYADD", db => db.StringSetAsync(redisKey, Marker, ttl, When.NotExists), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>INCR and the first PEXPIRE run in one Lua script, so a counter can never be left without expiry.</remarks>
    public Task<long> IncrementAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        RedisKey[] keys = [Prefixed(key)];
        RedisValue[] args = [Milliseconds(timeToLive)];
        return _connection.ExecuteAsync(
            "INCR",
            async db => (long)await db.ScriptEvaluateAsync(RedisScripts.Increment, keys, args).ConfigureAwait(false),
            cancellationToken);
    }

    private RedisKey Prefixed(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _instanceName + key;
    }

    private static long Milliseconds(TimeSpan timeToLive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        return StoredExpiry.Milliseconds(timeToLive);
    }
}
