using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Internal;

/// <summary>
/// Ties the health statuses to the application's lifetime. HealthCheckPublisherHostedService reports only after its
/// delay, and never when no health check is registered (it schedules one timer per registration), so on start the
/// checks are run once and published at once. On stopping, every service turns NOT_SERVING, so load balancers and
/// Watch subscribers drain a node before it goes away (doc/health-checking.md).
/// </summary>
internal sealed class HealthStatusLifecycle(
    HealthCheckService healthChecks,
    IEnumerable<IHealthCheckPublisher> publishers,
    HealthServiceImpl healthService,
    IOptions<GrpcHealthChecksOptions> options,
    IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await healthChecks.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        foreach (var publisher in publishers.OfType<HealthChecksStatusPublisher>())
        {
            await publisher.PublishAsync(report, cancellationToken).ConfigureAwait(false);
        }

        _stopping = lifetime.ApplicationStopping.Register(() =>
        {
            foreach (var service in options.Value.Services.Keys)
            {
                healthService.SetStatus(service, ServingStatus.NotServing);
            }
        });
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Dispose();
        return Task.CompletedTask;
    }
}
