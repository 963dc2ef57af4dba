using System.Globalization;
using Interop.Caching;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// Per-client fixed window counter in the shared state store, so every hub node counts against the same limit. The
/// window is aligned to the clock (window index = now / window), so nodes agree on it without coordination.
/// </summary>
internal sealed class FixedWindowRateLimiter
{
    private readonly ISharedStateStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly int _limit;
    private readonly long _windowMs;
    private readonly TimeSpan _window;

    public FixedWindowRateLimiter(ISharedStateStore store, TimeProvider timeProvider, int limit, TimeSpan window)
    {
        _store = store;
        _timeProvider = timeProvider;
        _limit = limit;
        _window = window;
        _windowMs = (long)window.TotalMilliseconds;
    }

    public int Limit => _limit;

    public TimeSpan Window => _window;

    /// <summary>
    /// Counts the call. Returns null when it is allowed, otherwise how long until the window ends. Throws
    /// <see cref="SharedStateUnavailableException"/> when the store cannot be reached.
    /// </summary>
    public async ValueTask<TimeSpan?> AcquireAsync(string clientId, CancellationToken cancellationToken)
    {
        if (_limit == 0)
        {
            return null;
        }

        var nowMs = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var windowIndex = nowMs / _windowMs;
        var key = "ratelimit:" + clientId + ":" + windowIndex.ToString(CultureInfo.InvariantCulture);

        // The TTL only cleans up: the key is first counted inside its window, so it lives at least until the window ends.
        var count = await _store.IncrementAsync(key, _window, cancellationToken).ConfigureAwait(false);
        return count <= _limit ? null : TimeSpan.FromMilliseconds(((windowIndex + 1) * _windowMs) - nowMs);
    }
}
