using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Hub.Handovers;

/// <summary>Registers the plan and handover service's machinery.</summary>
internal static class HandoverServiceCollectionExtensions
{
    /// <summary>
    /// The content protector, mapping and <see cref="PlanReader"/> (used by the status service). Needs the hub's
    /// storage, privacy and legal-basis registrations; map the service with
    /// <c>app.MapGrpcService&lt;PlanHandoverGrpcService&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddHubHandovers(this IServiceCollection services)
    {
        services.TryAddSingleton<PlanContentProtector>();
        services.TryAddSingleton<PlanMapping>();
        services.TryAddSingleton<PlanReader>();
        return services;
    }
}
