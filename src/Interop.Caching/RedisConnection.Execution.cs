using Interop.Caching.Internal;
using StackExchange.Redis;

namespace Interop.Caching;

/// <summary>Connecting, running commands and turning Redis failures into <see cref="SharedStateUnavailableException"/>.</summary>
public sealed partial class RedisConnection
{
    /// <summary>Runs <paramref name="command"/> on the database; Redis outages become <see cref="SharedStateUnavailableException"/>.</summary>
    internal async Task<T> ExecuteAsync<T>(string operation, Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var multiplexer = await GetConnectingTask().WaitAsync(cancellationToken).ConfigureAwait(false);
            // StackExchange.Redis 1.2.6 takes no CancellationToken: stop waiting, the command itself still runs.
            var result = await command(multiplexer.GetDatabase()).WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _failingSince, 0);
            return result;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            throw Unavailable(operation, ex);
        }
    }

    /// <summary>Synchronous twin of <see cref="ExecuteAsync{T}"/>, for the synchronous IDistributedCache members.</summary>
    internal T Execute<T>(string operation, Func<IDatabase, T> command)
    {
        try
        {
            var multiplexer = GetConnectingTask().GetAwaiter().GetResult();
            var result = command(multiplexer.GetDatabase());
            Interlocked.Exchange(ref _failingSince, 0);
            return result;
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            throw Unavailable(operation, ex);
        }
    }

    // Server replies such as WRONGTYPE are bugs, not outages: they keep their own exception type.
    private static bool IsOutage(Exception ex) => ex is RedisConnectionException or TimeoutException;

    private SharedStateUnavailableException Unavailable(string operation, Exception ex)
    {
        CachingLog.CommandFailed(_logger, operation, ex);
        NoteFailure();
        return new SharedStateUnavailableException($"Redis at {_endpoints} is unavailable: {operation} failed. {ex.Message}", ex);
    }

    private Task<ConnectionMultiplexer> GetConnectingTask()
    {
        var connecting = Volatile.Read(ref _connecting);
        if (connecting is not null && !connecting.IsFaulted && !connecting.IsCanceled)
        {
            return connecting;
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // A failed connect is not cached: the next call tries again.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectAsync();
            }

            return _connecting;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        CachingLog.Connecting(_logger, _endpoints);
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(_options.Clone()).ConfigureAwait(false);
            multiplexer.ConnectionFailed += (_, e) =>
                CachingLog.ConnectionLost(_logger, e.EndPoint?.ToString() ?? _endpoints, e.FailureType.ToString(), e.Exception);
            multiplexer.ConnectionRestored += (_, e) => CachingLog.ConnectionRestored(_logger, e.EndPoint?.ToString() ?? _endpoints);
            if (multiplexer.IsConnected)
            {
                CachingLog.Connected(_logger, _endpoints);
            }

            return multiplexer;
        }
        catch (Exception ex)
        {
            CachingLog.ConnectFailed(_logger, _endpoints, ex);
            throw new SharedStateUnavailableException($"Redis at {_endpoints} is unavailable: could not connect. {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Replaces the multiplexer once commands have failed without a single success for
    /// <see cref="ReplaceBrokenConnectionAfter"/>; the old one is disposed.
    /// </summary>
    private void NoteFailure()
    {
        var now = _timeProvider.GetTimestamp();
        var since = Interlocked.CompareExchange(ref _failingSince, now, 0);
        if (since == 0 || _timeProvider.GetElapsedTime(since, now) < ReplaceBrokenConnectionAfter)
        {
            return;
        }

        Task<ConnectionMultiplexer>? broken;
        lock (_lock)
        {
            if (_disposed || Interlocked.CompareExchange(ref _failingSince, 0, since) != since)
            {
                return; // another caller replaced it already
            }

            CachingLog.Reconnecting(_logger, _timeProvider.GetUtcNow() - _timeProvider.GetElapsedTime(since, now));
            broken = _connecting;
            _connecting = null;
        }

        if (broken is { IsCompletedSuccessfully: true })
        {
            broken.Result.Dispose();
        }
    }
}
