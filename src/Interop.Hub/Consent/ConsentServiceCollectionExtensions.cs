using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Hub.Consent;

/// <summary>Registers interop.v1.ConsentService and what it needs.</summary>
internal static class ConsentServiceCollectionExtensions
{
    /// <summary>
    /// The consent service (map it with <c>app.MapGrpcService&lt;ConsentGrpcService&gt;()</c>). Needs the hub's storage,
    /// subjects, partner lookup, purpose register and legal basis resolver registered (AddHubStorage, AddHubLegalBasis).
    /// </summary>
    public static IServiceCollection AddHubConsent(this IServiceCollection services)
    {
        services.TryAddSingleton<RegisterConsentValidator>();
        services.TryAddSingleton<ConsentMapping>();
        services.TryAddSingleton<ConsentGrpcService>();
        return services;
    }
}
