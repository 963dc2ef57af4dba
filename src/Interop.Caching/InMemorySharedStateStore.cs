namespace Interop.Caching;

/// <summary>
/// <see cref="ISharedStateStore"/> in process memory: correct for a single hub node only (the default when no Redis is
/// configured). Expiry is checked on access against the <see cref="TimeProvider"/>, and expired entries are swept at
/// most once a minute, so memory stays bounded by the entries alive in one interval.
/// </summary>
public sealed class InMemorySharedStateStore : ISharedStateStore
{
    /// <summary>How often, at most, a call sweeps out every expired entry.</summary>
    internal static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _nextPrune;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">Clock for expiry. Defaults to <see cref="TimeProvider.System"/>.</param>
    public InMemorySharedStateStore(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _nextPrune = _timeProvider.GetUtcNow() + PruneInterval;
    }

    /// <summary>Number of entries held, expired ones not yet swept included (for tests and diagnostics).</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = Now();
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                return Task.FromResult(false);
            }

            _entries[key] = new Entry(1, now + timeToLive);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<long> IncrementAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var now = Now();
            // Fixed window: the expiry is set by the first increment and not moved by later ones.
            var entry = _entries.TryGetValue(key, out var current) && current.ExpiresAt > now
                ? current with { Value = current.Value + 1 }
                : new Entry(1, now + timeToLive);
            _entries[key] = entry;
            return Task.FromResult(entry.Value);
        }
    }

    /// <summary>Current time; sweeps expired entries when the prune interval has passed. Call under the lock.</summary>
    private DateTimeOffset Now()
    {
        var now = _timeProvider.GetUtcNow();
        if (now >= _nextPrune)
        {
            _nextPrune = now + PruneInterval;
            foreach (var (key, entry) in _entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    // Removing during enumeration is allowed for Dictionary<TKey,TValue> since .NET Core 3.0.
                    _entries.Remove(key);
                }
            }
        }

        return now;
    }

    private readonly record struct Entry(long Value, DateTimeOffset ExpiresAt);
}
