using Interop.Grpc.Reflection.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Grpc.Reflection;

/// <summary>Registers gRPC server reflection.</summary>
public static class GrpcReflectionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the reflection services (v1 and v1alpha) as singletons; map them with
    /// <see cref="GrpcReflectionEndpointRouteBuilderExtensions.MapGrpcReflectionService"/>.
    /// </summary>
    public static IServiceCollection AddGrpcReflection(this IServiceCollection services, Action<GrpcReflectionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrpcReflectionOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<ReflectionIndexProvider>();
        services.TryAddSingleton(sp => new ReflectionServiceImpl(sp.GetRequiredService<ReflectionIndexProvider>()));
        services.TryAddSingleton(sp => new ReflectionServiceV1Alpha(sp.GetRequiredService<ReflectionServiceImpl>()));
        return services;
    }
}
