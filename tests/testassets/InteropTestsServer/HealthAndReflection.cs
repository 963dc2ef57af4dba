using Grpc.Health.V1;
using Interop.Grpc.HealthCheck;
using Interop.Grpc.Reflection;

namespace InteropTestsServer;

/// <summary>Adds grpc.health.v1.Health and server reflection (v1 and v1alpha) next to the test service.</summary>
internal static class HealthAndReflection
{
    public static IServiceCollection AddInteropHealthAndReflection(this IServiceCollection services)
    {
        // No ASP.NET Core health checks decide anything here: the statuses are set once the server is up, so a peer
        // gets SERVING from its first call instead of waiting for the first health report.
        services.AddGrpcHealthChecks(options => options.Services.Clear());
        services.AddGrpcReflection();
        return services;
    }

    public static WebApplication MapInteropHealthAndReflection(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        var health = app.Services.GetRequiredService<HealthServiceImpl>();
        health.SetStatus(string.Empty, HealthCheckResponse.Types.ServingStatus.Serving);
        health.SetStatus(Grpc.Testing.TestService.Descriptor.FullName, HealthCheckResponse.Types.ServingStatus.Serving);
        return app;
    }
}
