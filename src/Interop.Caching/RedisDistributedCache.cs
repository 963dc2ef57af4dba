using Interop.Caching.Internal;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Interop.Caching;

/// <summary>
/// <see cref="IDistributedCache"/> on Redis through StackExchange.Redis 1.2.6 (Microsoft's Redis cache needs 2.x,
/// which the registry cannot serve). Each entry is a hash holding the data, the sliding window and the absolute
/// expiry, so a read can slide the TTL atomically in one Lua script without ever passing the absolute expiry.
/// Keys are <see cref="CachingOptions.InstanceName"/> + key.
/// </summary>
public sealed class RedisDistributedCache : IDistributedCache
{
    private readonly RedisConnection _connection;
    private readonly string _instanceName;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the cache on a shared connection.</summary>
    /// <param name="connection">The process-wide Redis connection.</param>
    /// <param name="instanceName">Prefix for every key, e.g. <c>interop:</c>.</param>
    /// <param name="timeProvider">Clock for absolute expiries. Defaults to <see cref="TimeProvider.System"/>.</param>
    public RedisDistributedCache(RedisConnection connection, string instanceName, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(instanceName);
        _connection = connection;
        _instanceName = instanceName;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public byte[]? Get(string key) =>
        _connection.Execute("GET", db => ToBytes(db.ScriptEvaluate(RedisScripts.GetAndRefresh, Keys(key), RefreshArgs(returnData: true))));

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        _connection.ExecuteAsync(
            "GET",
            async db => ToBytes(await db.ScriptEvaluateAsync(RedisScripts.GetAndRefresh, Keys(key), RefreshArgs(returnData: true)).ConfigureAwait(false)),
            token);

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        var args = SetArgs(value, options);
        _connection.Execute("SET", db => db.ScriptEvaluate(RedisScripts.Set, Keys(key), args));
    }

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var args = SetArgs(value, options);
        return _connection.ExecuteAsync("SET", db => db.ScriptEvaluateAsync(RedisScripts.Set, Keys(key), args), token);
    }

    /// <inheritdoc />
    public void Refresh(string key) =>
        _connection.Execute("REFRESH", db => db.ScriptEvaluate(RedisScripts.GetAndRefresh, Keys(key), RefreshArgs(returnData: false)));

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) =>
        _connection.ExecuteAsync(
            "REFRESH",
            db => db.ScriptEvaluateAsync(RedisScripts.GetAndRefresh, Keys(key), RefreshArgs(returnData: false)),
            token);

    /// <inheritdoc />
    public void Remove(string key) => _connection.Execute("REMOVE", db => db.KeyDelete(Prefixed(key)));

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) =>
        _connection.ExecuteAsync("REMOVE", db => db.KeyDeleteAsync(Prefixed(key)), token);

    private RedisKey Prefixed(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _instanceName + key;
    }

    private RedisKey[] Keys(string key) => [Prefixed(key)];

    private RedisValue[] RefreshArgs(bool returnData) =>
        [_timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), returnData ? "1" : "0"];

    private RedisValue[] SetArgs(byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        var expiry = StoredExpiry.From(options, _timeProvider.GetUtcNow());
        return [value, expiry.SlidingMilliseconds, expiry.AbsoluteUnixMilliseconds, expiry.TimeToLiveMilliseconds];
    }

    private static byte[]? ToBytes(RedisResult result) => result.IsNull ? null : (byte[]?)result;
}
