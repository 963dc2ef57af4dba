using Interop.Grpc.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Interop.Grpc.Reflection.Internal;

/// <summary>
/// Builds the reflection index on first use: from <see cref="GrpcReflectionOptions.Services"/> when given, otherwise
/// from the endpoints mapped with MapGrpcService (their <see cref="GrpcMethodMetadata"/>). Rebuilt when the
/// endpoints change.
/// </summary>
internal sealed class ReflectionIndexProvider(IOptions<GrpcReflectionOptions> options, IServiceProvider services)
{
    private readonly Lock _lock = new();
    private ReflectionIndex? _index;
    private IChangeToken? _changeToken;

    public ReflectionIndex GetIndex()
    {
        lock (_lock)
        {
            if (_index is null || _changeToken?.HasChanged == true)
            {
                _index = Build();
            }

            return _index;
        }
    }

    private ReflectionIndex Build()
    {
        var explicitServices = options.Value.Services;
        if (explicitServices.Count > 0)
        {
            return ReflectionIndex.Create(explicitServices.Select(s => s.FullName), explicitServices.Select(s => s.File));
        }

        if (services.GetService(typeof(EndpointDataSource)) is not EndpointDataSource dataSource)
        {
            return ReflectionIndex.Create([], []);
        }

        _changeToken = dataSource.GetChangeToken();
        var methods = dataSource.Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method)
            .OfType<IMethod>()
            .ToList();

        // Services mapped without descriptors are still listed; only their symbols cannot be looked up.
        return ReflectionIndex.Create(
            methods.Select(m => m.ServiceName),
            methods.Select(m => m.Descriptor?.File).OfType<Google.Protobuf.Reflection.FileDescriptor>());
    }
}
