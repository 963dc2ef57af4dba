using Interop.Grpc.AspNetCore;
using Interop.Grpc.Reflection.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Interop.Grpc.Reflection;

/// <summary>Maps gRPC server reflection.</summary>
public static class GrpcReflectionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps grpc.reflection.v1.ServerReflection and grpc.reflection.v1alpha.ServerReflection. Requires
    /// <see cref="GrpcReflectionServiceCollectionExtensions.AddGrpcReflection"/>. Conventions added to the result
    /// (for example authorization) apply to both.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcReflectionService(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService(typeof(ReflectionIndexProvider)) is null)
        {
            throw new InvalidOperationException("gRPC reflection is not registered: call services.AddGrpcReflection() before MapGrpcReflectionService.");
        }

        return new CompositeEndpointConventionBuilder(
            endpoints.MapGrpcService<ReflectionServiceImpl>(),
            endpoints.MapGrpcService<ReflectionServiceV1Alpha>());
    }
}
