namespace Interop.Caching.Internal;

/// <summary>
/// Lua scripts run by Redis as one atomic step (EVAL runs a script without interleaving other commands),
/// so no crash or concurrent caller can observe half of an operation.
/// </summary>
internal static class RedisScripts
{
    /// <summary>Hash field holding the cached bytes.</summary>
    public const string DataField = "data";

    /// <summary>Hash field holding the sliding window in milliseconds, -1 when there is none.</summary>
    public const string SlidingField = "sld";

    /// <summary>Hash field holding the absolute expiry in Unix milliseconds, -1 when there is none.</summary>
    public const string AbsoluteField = "abs";

    /// <summary>
    /// KEYS[1] = entry; ARGV = data, sliding ms, absolute Unix ms, TTL ms (-1 = none).
    /// DEL first so no field or TTL of an older entry survives the overwrite.
    /// </summary>
    public const string Set = """
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'data', ARGV[1], 'sld', ARGV[2], 'abs', ARGV[3])
        if ARGV[4] ~= '-1' then
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
        end
        return 1
        """;

    /// <summary>
    /// KEYS[1] = entry; ARGV[1] = now in Unix ms; ARGV[2] = '1' to return the data, '0' to only refresh.
    /// Resets the TTL to the sliding window, never past the absolute expiry (IDistributedCache contract).
    /// Returns the data (or nil when absent); in refresh-only mode returns 1 when present, nil when absent.
    /// </summary>
    public const string GetAndRefresh = """
        local fields
        if ARGV[2] == '1' then
          fields = redis.call('HMGET', KEYS[1], 'sld', 'abs', 'data')
        else
          fields = redis.call('HMGET', KEYS[1], 'sld', 'abs')
        end
        local sliding = tonumber(fields[1])
        if sliding == nil then
          return nil
        end
        if sliding > 0 then
          local ttl = sliding
          local absolute = tonumber(fields[2])
          if absolute ~= nil and absolute > 0 then
            local left = absolute - tonumber(ARGV[1])
            if left < ttl then
              ttl = left
            end
          end
          if ttl > 0 then
            redis.call('PEXPIRE', KEYS[1], ttl)
          end
        end
        if ARGV[2] == '1' then
          return fields[3]
        end
        return 1
        """;

    /// <summary>
    /// KEYS[1] = counter; ARGV[1] = window ms. The first increment starts the window.
    /// A counter left without TTL (written by something else) also gets one, so it cannot block forever.
    /// </summary>
    public const string Increment = """
        local value = redis.call('INCR', KEYS[1])
        if value == 1 or redis.call('PTTL', KEYS[1]) == -1 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
        end
        return value
        """;
}
