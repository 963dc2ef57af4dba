using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Hub.Referrals;

/// <summary>Registers interop.v1.ReferralService's machinery (map it with <c>app.MapGrpcService&lt;ReferralGrpcService&gt;()</c>).</summary>
internal static class ReferralServiceCollectionExtensions
{
    /// <summary>Adds the referral service's helpers; needs the hub's storage, privacy, partner lookup, legal basis resolver and purpose register.</summary>
    public static IServiceCollection AddHubReferrals(this IServiceCollection services)
    {
        services.TryAddSingleton<ReferralContentProtector>();
        services.TryAddSingleton<ReferralRenderer>();
        services.TryAddSingleton<ReferralBasisCheck>();
        services.TryAddSingleton<ReferralReadBasis>();
        return services;
    }
}
