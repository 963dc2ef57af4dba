using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore;

/// <summary>Returned by <see cref="GrpcServiceCollectionExtensions.AddGrpc"/> so further gRPC features can chain on it.</summary>
public interface IGrpcServerBuilder
{
    /// <summary>The application's services.</summary>
    IServiceCollection Services { get; }
}
