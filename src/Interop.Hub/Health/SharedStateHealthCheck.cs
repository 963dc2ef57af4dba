using Interop.Caching;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Hub.Health;

/// <summary>
/// The shared state store (Redis when configured) answers: without it no client assertion can be proven fresh and no
/// rate limit counted, and both fail closed, so the node is NOT_SERVING until it is back.
/// </summary>
internal sealed class SharedStateHealthCheck(ISharedStateStore sharedState) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sharedState.IncrementAsync("health:probe", TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The shared state store cannot be reached.", ex);
        }
    }
}
