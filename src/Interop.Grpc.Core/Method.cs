using Google.Protobuf.Reflection;

namespace Interop.Grpc;

/// <summary>A gRPC method with its request and response marshallers.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class Method<TRequest, TResponse> : IMethod
{
    /// <summary>Creates a method description.</summary>
    public Method(
        MethodType type,
        string serviceName,
        string name,
        Marshaller<TRequest> requestMarshaller,
        Marshaller<TResponse> responseMarshaller,
        MethodDescriptor? descriptor = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(requestMarshaller);
        ArgumentNullException.ThrowIfNull(responseMarshaller);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        RequestMarshaller = requestMarshaller;
        ResponseMarshaller = responseMarshaller;
        Descriptor = descriptor;
        FullName = "/" + serviceName + "/" + name;
    }

    /// <inheritdoc />
    public MethodType Type { get; }

    /// <inheritdoc />
    public string ServiceName { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FullName { get; }

    /// <inheritdoc />
    public MethodDescriptor? Descriptor { get; }

    /// <summary>Reads and writes request messages.</summary>
    public Marshaller<TRequest> RequestMarshaller { get; }

    /// <summary>Reads and writes response messages.</summary>
    public Marshaller<TResponse> ResponseMarshaller { get; }
}
