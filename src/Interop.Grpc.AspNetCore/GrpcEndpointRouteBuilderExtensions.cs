using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Interop.Grpc.AspNetCore.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Grpc.AspNetCore;

/// <summary>Maps gRPC services onto endpoint routing.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> to a POST endpoint at <c>/{service}/{method}</c>, each
    /// carrying <see cref="GrpcMethodMetadata"/>. <typeparamref name="TService"/> derives from a generated base class
    /// marked with <see cref="BindServiceMethodAttribute"/>. Each call gets the instance registered in DI, or a new
    /// one made with ActivatorUtilities. The first call also maps a catch-all answering UNIMPLEMENTED to gRPC requests
    /// for unknown services and methods.
    /// </summary>
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(
        this IEndpointRouteBuilder endpoints)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("gRPC services are not registered: call services.AddGrpc() before MapGrpcService.");
        var options = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(GrpcServerLog.CategoryName);
        var timeProvider = services.GetRequiredService<TimeProvider>();

        var bindAttribute = typeof(TService).GetCustomAttribute<BindServiceMethodAttribute>(inherit: true)
            ?? throw new InvalidOperationException($"'{typeof(TService)}' is not a gRPC service: neither it nor a base class carries [BindServiceMethod].");
        var bindMethod = bindAttribute.BindType.GetMethod(
                bindAttribute.BindMethodName,
                BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static,
                [typeof(ServiceBinderBase)])
            ?? throw new InvalidOperationException($"'{bindAttribute.BindType}' has no static method '{bindAttribute.BindMethodName}(ServiceBinderBase)'.");

        var binder = new GrpcServiceMethodBinder<TService>(endpoints, options, logger, timeProvider, registry);
        bindMethod.Invoke(null, [binder]);

        if (registry.TryMarkCatchAll(endpoints))
        {
            MapUnimplemented(endpoints, registry, logger);
        }

        return new GrpcServiceEndpointConventionBuilder(binder.EndpointBuilders);
    }

    private static void MapUnimplemented(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry, ILogger logger)
    {
        var pattern = RoutePatternFactory.Parse(
            $"{{{UnimplementedCallHandler.ServiceRouteKey}}}/{{{UnimplementedCallHandler.MethodRouteKey}}}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [UnimplementedCallHandler.MethodRouteKey] = new UnimplementedCallHandler.GrpcContentTypeConstraint() });
        endpoints.Map(pattern, UnimplementedCallHandler.Create(registry, logger))
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithDisplayName("gRPC - Unimplemented service or method")
            .Add(builder =>
            {
                // Mapped methods are literal routes and win anyway; the lowest priority also keeps the catch-all
                // behind any other two-segment route the application maps.
                if (builder is RouteEndpointBuilder routeBuilder)
                {
                    routeBuilder.Order = int.MaxValue;
                }
            });
    }
}
