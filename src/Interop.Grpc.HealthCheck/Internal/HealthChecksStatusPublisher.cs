using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Internal;

/// <summary>
/// Receives each ASP.NET Core health report (HealthCheckPublisherHostedService runs the checks periodically) and sets
/// the gRPC status of every mapped service from it.
/// </summary>
internal sealed class HealthChecksStatusPublisher(
    HealthServiceImpl healthService,
    IOptions<GrpcHealthChecksOptions> options,
    ILogger<HealthChecksStatusPublisher> logger) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (service, predicate) in options.Value.Services)
        {
            var status = report.Entries.Any(e => e.Value.Status == HealthStatus.Unhealthy && predicate(e.Key, e.Value))
                ? ServingStatus.NotServing
                : ServingStatus.Serving;
            healthService.SetStatus(service, status);
            HealthServiceLog.HealthReportPublished(logger, service, status);
        }

        return Task.CompletedTask;
    }
}
