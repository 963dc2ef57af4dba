using Interop.Federation.Registry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Interop.Hub.Health;

/// <summary>
/// The partner registry answers: every call's authorization reads it (disabled partners), so a node that cannot reach
/// it cannot serve and should be taken out of rotation (gRPC health NOT_SERVING).
/// </summary>
internal sealed class PartnerStoreHealthCheck(IPartnerStore partners) : IHealthCheck
{
    // A well-formed OIN of the test range that no partner holds: a cheap, indexed, read-only lookup.
    private const string ProbeOin = "00000099000000000000";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await partners.GetOrganisationAsync(ProbeOin, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The partner registry cannot be read.", ex);
        }
    }
}
