using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Grpc.HealthCheck;

/// <summary>How ASP.NET Core health check results become gRPC health statuses.</summary>
public sealed class GrpcHealthChecksOptions
{
    /// <summary>
    /// Per gRPC service name, which health check results decide its status: SERVING when every selected result is
    /// Healthy or Degraded (or none is selected), NOT_SERVING when any is Unhealthy. Defaults to one entry: the whole
    /// server (<c>""</c>) is decided by every check. Clear it to stop publishing to <c>""</c>.
    /// </summary>
    public IDictionary<string, Func<string, HealthReportEntry, bool>> Services { get; } =
        new Dictionary<string, Func<string, HealthReportEntry, bool>>(StringComparer.Ordinal)
        {
            [string.Empty] = static (_, _) => true,
        };

    /// <summary>Decides the status of <paramref name="service"/> from the checks whose name or tags match <paramref name="predicate"/>.</summary>
    public GrpcHealthChecksOptions MapService(string service, Func<string, HealthReportEntry, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(predicate);
        Services[service] = predicate;
        return this;
    }
}
