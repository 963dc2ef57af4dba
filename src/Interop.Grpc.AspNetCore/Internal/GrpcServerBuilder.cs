using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed class GrpcServerBuilder(IServiceCollection services) : IGrpcServerBuilder
{
    public IServiceCollection Services { get; } = services;
}
