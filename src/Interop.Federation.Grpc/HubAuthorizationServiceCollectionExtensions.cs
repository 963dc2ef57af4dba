using Interop.Federation.Grpc.Internal;
using Interop.Federation.TokenService;
using Interop.Grpc.AspNetCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Federation.Grpc;

/// <summary>Registration of the hub's gRPC authorization.</summary>
public static class HubAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HubAuthorizationInterceptor"/> as a singleton and puts it first in
    /// <see cref="GrpcServiceOptions.CallAuthorizers"/>: an unauthorized call is refused before its request is read,
    /// and no other authorizer, interceptor or handler runs for it.
    /// Options bind from <c>Interop:Authorization</c>, then <paramref name="configure"/> runs; Issuer and Audience
    /// default to the token service's; everything is validated at start. Needs an
    /// <see cref="Registry.IPartnerStore"/> and an <see cref="Keys.ISigningKeyStore"/> (AddInteropFederationSqlite) and an
    /// <see cref="Caching.ISharedStateStore"/> (AddInteropCaching); an <see cref="IHubValidationKeySource"/> registered
    /// before this call replaces the default key source. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddHubAuthorization(this IServiceCollection services, Action<HubAuthorizationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<HubAuthorizationOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(HubAuthorizationOptions.ConfigurationSection).Bind(options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        // Explicit settings win; otherwise the token service in the same host names the issuer and audience.
        builder.PostConfigure<IOptions<TokenServiceOptions>>((options, tokenService) =>
        {
            if (string.IsNullOrEmpty(options.Issuer) && !string.IsNullOrEmpty(tokenService.Value.Issuer))
            {
                options.Issuer = tokenService.Value.Issuer;
            }

            if (string.IsNullOrEmpty(options.Audience))
            {
                options.Audience = tokenService.Value.Audience;
            }
        });
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HubAuthorizationOptions>, HubAuthorizationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHubValidationKeySource, SigningKeyStoreValidationKeySource>();
        services.TryAddSingleton<HubAuthorizationInterceptor>();
        services.AddOptions<GrpcServiceOptions>().Configure<HubAuthorizationInterceptor>((options, authorization) =>
        {
            if (!options.CallAuthorizers.Contains(authorization))
            {
                options.CallAuthorizers.Insert(0, authorization);
            }
        });
        return services;
    }
}
