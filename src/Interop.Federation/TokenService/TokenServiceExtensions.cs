using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Interop.Federation.Storage;
using Interop.Federation.TokenService.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Federation.TokenService;

/// <summary>Registration of the partner store and the token service.</summary>
public static class TokenServiceExtensions
{
    /// <summary>The configuration section <see cref="TokenServiceOptions"/> is bound from.</summary>
    public const string ConfigurationSection = "Interop:TokenService";

    /// <summary>
    /// Registers the SQLite partner registry and signing-key store at <paramref name="databasePath"/> as
    /// <see cref="IPartnerStore"/> and <see cref="ISigningKeyStore"/> (unless others are registered).
    /// </summary>
    public static IServiceCollection AddInteropFederationSqlite(this IServiceCollection services, string databasePath)
    {
        services.TryAddSingleton(_ => new SqliteFederationStore(databasePath));
        services.TryAddSingleton<IPartnerStore>(sp => sp.GetRequiredService<SqliteFederationStore>());
        services.TryAddSingleton<ISigningKeyStore>(sp => sp.GetRequiredService<SqliteFederationStore>());
        return services;
    }

    /// <summary>
    /// Registers the token service: options bound from <c>Interop:TokenService</c> then <paramref name="configure"/>,
    /// validated at start. Needs an <see cref="IPartnerStore"/> and <see cref="ISigningKeyStore"/> (see
    /// <see cref="AddInteropFederationSqlite"/>), an <see cref="Caching.ISharedStateStore"/> and an
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> (AddInteropCaching()).
    /// </summary>
    public static IServiceCollection AddInteropTokenService(this IServiceCollection services, Action<TokenServiceOptions>? configure = null)
    {
        var builder = services.AddOptions<TokenServiceOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(ConfigurationSection).Bind(options));
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenServiceOptions>, TokenServiceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(JwksSource.HttpClientName);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TokenServiceOptions>>().Value;
            var policy = new HubKeyRotationPolicy(
                options.SigningKeyRotationPeriod,
                options.SigningKeyPublicationLeadTime,
                // A retired key must outlive every token it signed, whatever lifetime was configured then.
                TokenServiceOptions.MaxAccessTokenLifetime + options.ClockSkew,
                HubKeyRotationPolicy.Default.RefreshInterval);
            return new HubSigningKeyManager(sp.GetRequiredService<ISigningKeyStore>(), policy, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<HubSigningKeyManager>>());
        });
        services.TryAddSingleton<JwksSource>();
        services.TryAddSingleton<ClientAuthenticator>();
        services.TryAddSingleton<SubjectTokenValidator>();
        services.TryAddSingleton<AccessTokenIssuer>();
        services.TryAddSingleton<TokenEndpointHandler>();
        services.TryAddSingleton<DiscoveryEndpoints>();
        return services;
    }

    /// <summary>
    /// Maps GET /.well-known/oauth-authorization-server, GET /jwks and POST /token at the root of the application
    /// (the issuer has no path).
    /// </summary>
    public static IEndpointRouteBuilder MapInteropTokenService(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/.well-known/oauth-authorization-server", (HttpContext context) => context.RequestServices.GetRequiredService<DiscoveryEndpoints>().WriteMetadataAsync(context));
        endpoints.MapGet("/jwks", (HttpContext context) => context.RequestServices.GetRequiredService<DiscoveryEndpoints>().WriteJwksAsync(context));
        endpoints.MapPost("/token", (HttpContext context) => context.RequestServices.GetRequiredService<TokenEndpointHandler>().HandleAsync(context));
        return endpoints;
    }
}
