using Interop.Grpc.HealthCheck.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Interop.Grpc.HealthCheck;

/// <summary>Registers the gRPC health service.</summary>
public static class GrpcHealthChecksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HealthServiceImpl"/> as a singleton and ASP.NET Core health checks, whose periodic reports
    /// set the status of the services in <see cref="GrpcHealthChecksOptions.Services"/> (by default the whole server,
    /// <c>""</c>): a first report as the application starts, then the periodic ones (HealthCheckPublisherOptions: every
    /// 30 s by default); while the application stops, they are NOT_SERVING. Add checks on the returned builder; map with
    /// <see cref="GrpcHealthChecksEndpointRouteBuilderExtensions.MapGrpcHealthChecksService"/>.
    /// </summary>
    public static IHealthChecksBuilder AddGrpcHealthChecks(this IServiceCollection services, Action<GrpcHealthChecksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcHealthChecksOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcHealthChecksOptions>, GrpcHealthChecksOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<HealthServiceImpl>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHealthCheckPublisher, HealthChecksStatusPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HealthStatusLifecycle>());
        return services.AddHealthChecks();
    }
}
