using Microsoft.AspNetCore.Routing;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// What has been mapped: the gRPC service names (so the catch-all can tell an unknown service from an unknown method)
/// and the route builders that already carry the catch-all endpoint.
/// </summary>
internal sealed class GrpcServiceRegistry
{
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private readonly HashSet<IEndpointRouteBuilder> _buildersWithCatchAll = new(ReferenceEqualityComparer.Instance);
    private readonly Lock _lock = new();

    public void AddService(string serviceName)
    {
        lock (_lock)
        {
            _serviceNames.Add(serviceName);
        }
    }

    public bool IsServiceMapped(string serviceName)
    {
        lock (_lock)
        {
            return _serviceNames.Contains(serviceName);
        }
    }

    /// <summary>True the first time it is called for <paramref name="builder"/>.</summary>
    public bool TryMarkCatchAll(IEndpointRouteBuilder builder)
    {
        lock (_lock)
        {
            return _buildersWithCatchAll.Add(builder);
        }
    }
}
