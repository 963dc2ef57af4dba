using Interop.Grpc.AspNetCore.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Grpc.AspNetCore;

/// <summary>Registers the gRPC server runtime.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gRPC server runtime; map services with
    /// <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcService{TService}"/>. Safe to call more than once:
    /// registrations use TryAdd, and each <paramref name="configure"/> is applied in order.
    /// </summary>
    public static IGrpcServerBuilder AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRouting();
        services.AddOptions<GrpcServiceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GrpcServiceOptions>, GrpcServiceOptionsValidator>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrpcServiceRegistry>();
        return new GrpcServerBuilder(services);
    }
}
