using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Grpc.Health.V1;
using Interop.Grpc.HealthCheck.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck;

/// <summary>
/// The grpc.health.v1.Health service (grpc doc/health-checking.md). Statuses are set per service name; the empty
/// name stands for the server as a whole. Register one instance as a singleton: it holds the statuses and watchers.
/// </summary>
public sealed class HealthServiceImpl : Health.HealthBase
{
    /// <summary>Status changes a slow watcher may have pending; older ones are dropped, the latest always arrives.</summary>
    internal const int WatchBufferSize = 16;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ChannelWriter<ServingStatus>>> _watchers = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates the service without logging.</summary>
    public HealthServiceImpl()
        : this(NullLogger<HealthServiceImpl>.Instance)
    {
    }

    /// <summary>Creates the service.</summary>
    [ActivatorUtilitiesConstructor]
    public HealthServiceImpl(ILogger<HealthServiceImpl> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>Sets the status of <paramref name="service"/> ("" for the whole server) and tells its watchers if it changed.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            var changed = !_statuses.TryGetValue(service, out var previous) || previous != status;
            _statuses[service] = status;
            if (changed)
            {
                HealthServiceLog.StatusChanged(_logger, service, status);
                NotifyWatchers(service, status);
            }
        }
    }

    /// <summary>Forgets <paramref name="service"/>: Check answers NOT_FOUND again and watchers see SERVICE_UNKNOWN.</summary>
    public void ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (_statuses.Remove(service))
            {
                HealthServiceLog.StatusCleared(_logger, service);
                NotifyWatchers(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>Forgets every service.</summary>
    public void ClearAll()
    {
        lock (_lock)
        {
            foreach (var service in _statuses.Keys.ToList())
            {
                _statuses.Remove(service);
                HealthServiceLog.StatusCleared(_logger, service);
                NotifyWatchers(service, ServingStatus.ServiceUnknown);
            }
        }
    }

    /// <summary>The current status of <paramref name="service"/>, or null when it is unknown.</summary>
    public ServingStatus? GetStatus(string service)
    {
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>Answers the current status; an unknown service fails with NOT_FOUND (health-checking.md).</summary>
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = GetStatus(request.Service) ?? ThrowNotFound(request.Service);
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    /// <summary>
    /// Sends the current status (SERVICE_UNKNOWN for an unknown service, without ending the call), then every change,
    /// until the client cancels (health-checking.md).
    /// </summary>
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(WatchBufferSize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

        // Subscribing and queueing the current status under one lock: no change can slip in between.
        lock (_lock)
        {
            if (!_watchers.TryGetValue(request.Service, out var writers))
            {
                _watchers[request.Service] = writers = [];
            }

            writers.Add(channel.Writer);
            channel.Writer.TryWrite(_statuses.TryGetValue(request.Service, out var current) ? current : ServingStatus.ServiceUnknown);
        }

        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client ended the watch: the normal way for Watch to finish.
        }
        finally
        {
            lock (_lock)
            {
                var writers = _watchers[request.Service];
                writers.Remove(channel.Writer);
                if (writers.Count == 0)
                {
                    _watchers.Remove(request.Service);
                }
            }
        }
    }

    /// <summary>The number of active Watch calls for <paramref name="service"/>.</summary>
    internal int WatcherCount(string service)
    {
        lock (_lock)
        {
            return _watchers.TryGetValue(service, out var writers) ? writers.Count : 0;
        }
    }

    private void NotifyWatchers(string service, ServingStatus status)
    {
        if (_watchers.TryGetValue(service, out var writers))
        {
            foreach (var writer in writers)
            {
                writer.TryWrite(status);
            }
        }
    }

    [DoesNotReturn]
    private static ServingStatus ThrowNotFound(string service) =>
        throw new RpcException(new Status(StatusCode.NotFound, $"Service '{service}' is unknown."));
}
