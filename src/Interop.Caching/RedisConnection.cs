using Interop.Caching.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Interop.Caching;

/// <summary>
/// The one Redis connection of a process (a <see cref="ConnectionMultiplexer"/> is meant to be shared, not pooled).
/// Connects lazily on first use with <c>abortConnect=false</c>, so the hub starts while Redis is down; a failed connect
/// is retried on the next call, and a connection whose commands keep failing for 30 s
/// is replaced. Every Redis failure surfaces as <see cref="SharedStateUnavailableException"/>.
/// Registered as a singleton, so the host disposes it.
/// </summary>
public sealed partial class RedisConnection : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// How long commands must keep failing before the multiplexer is thrown away and a new one is made.
    /// The multiplexer reconnects by itself; this is the safety net for when it does not.
    /// </summary>
    internal static readonly TimeSpan ReplaceBrokenConnectionAfter = TimeSpan.FromSeconds(30);

    private readonly ConfigurationOptions _options;
    private readonly string _endpoints;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private long _failingSince;
    private bool _disposed;

    /// <summary>Creates the holder; nothing connects until the first command.</summary>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <param name="timeProvider">Clock for the broken-connection timer. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Logger. Defaults to none.</param>
    /// <exception cref="ArgumentException">The configuration string is malformed or names no endpoint.</exception>
    public RedisConnection(string configuration, TimeProvider? timeProvider = null, ILogger<RedisConnection>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        _options = ParseConfiguration(configuration);
        // A hub must start, and keep serving what it can, while Redis is down: never abort on connect failure.
        _options.AbortOnConnectFail = false;
        _endpoints = string.Join(",", _options.EndPoints.Select(e => e.ToString()));
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>True when a connection exists and at least one Redis server is reachable.</summary>
    public bool IsConnected
    {
        get
        {
            var connecting = Volatile.Read(ref _connecting);
            return connecting is { IsCompletedSuccessfully: true } && connecting.Result.IsConnected;
        }
    }

    /// <summary>
    /// Parses and checks a configuration string. Throws <see cref="ArgumentException"/> with the parser's reason
    /// when it is malformed or names no endpoint.
    /// </summary>
    internal static ConfigurationOptions ParseConfiguration(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new ArgumentException($"Not a valid StackExchange.Redis configuration string: {ex.Message}", nameof(configuration), ex);
        }

        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException("The StackExchange.Redis configuration string names no endpoint (host:port).", nameof(configuration));
        }

        return options;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Task<ConnectionMultiplexer>? connecting;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connecting = _connecting;
            _connecting = null;
        }

        if (connecting is { IsCompletedSuccessfully: true })
        {
            connecting.Result.Dispose();
        }
        else
        {
            connecting?.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
