using Interop.Grpc.AspNetCore;
using Microsoft.AspNetCore.Routing;

namespace Interop.Grpc.HealthCheck;

/// <summary>Maps the gRPC health service.</summary>
public static class GrpcHealthChecksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps grpc.health.v1.Health (Check and Watch), served by the <see cref="HealthServiceImpl"/> singleton registered
    /// with <see cref="GrpcHealthChecksServiceCollectionExtensions.AddGrpcHealthChecks"/>.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcHealthChecksService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGrpcService<HealthServiceImpl>();
    }
}
