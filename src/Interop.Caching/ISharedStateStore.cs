namespace Interop.Caching;

/// <summary>
/// Atomic operations on state that every hub node must see alike (assertion replay protection, rate limits).
/// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> has no atomic set-if-absent or increment,
/// so this interface adds them. The in-memory implementation is correct for one node only; production uses Redis.
/// </summary>
public interface ISharedStateStore
{
    /// <summary>
    /// Stores <paramref name="key"/> only if it is absent. Returns true when this call stored it (the first use),
    /// false when it was already present. The key expires after <paramref name="timeToLive"/>.
    /// </summary>
    Task<bool> TryAddAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default);

    /// <summary>
    /// Increments the counter at <paramref name="key"/> and returns its new value. A new counter starts at 1 and
    /// expires <paramref name="timeToLive"/> after its first increment (a fixed window).
    /// </summary>
    Task<long> IncrementAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default);
}
