using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Hub.JongereStatus;

/// <summary>Registers the status service (GetJongereStatus, RegisterInvolvement, EndInvolvement).</summary>
internal static class StatusServiceCollectionExtensions
{
    /// <summary>
    /// The status service's parts. Needs the hub's storage, subjects, partner lookup and an
    /// <see cref="LegalBasis.ILegalBasisResolver"/>; map <see cref="StatusGrpcService"/> to serve it.
    /// </summary>
    public static IServiceCollection AddHubStatus(this IServiceCollection services)
    {
        services.TryAddSingleton<CurrentPlanSource>();
        services.TryAddSingleton<InvolvementRegistration>();
        services.TryAddSingleton<JongereStatusQuery>();
        return services;
    }
}
