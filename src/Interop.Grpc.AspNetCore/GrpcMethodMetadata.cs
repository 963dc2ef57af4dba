namespace Interop.Grpc.AspNetCore;

/// <summary>
/// Endpoint metadata on every endpoint <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcService{TService}"/>
/// creates: which service class serves which method. Read it from <c>EndpointDataSource</c> to list mapped services.
/// </summary>
public sealed class GrpcMethodMetadata
{
    /// <summary>Creates the metadata.</summary>
    public GrpcMethodMetadata(Type serviceType, IMethod method)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentNullException.ThrowIfNull(method);
        ServiceType = serviceType;
        Method = method;
    }

    /// <summary>The mapped service class.</summary>
    public Type ServiceType { get; }

    /// <summary>The method the endpoint serves.</summary>
    public IMethod Method { get; }
}
