using Google.Protobuf.Reflection;

namespace Interop.Grpc;

/// <summary>A gRPC method without its message types.</summary>
public interface IMethod
{
    /// <summary>The kind of call.</summary>
    MethodType Type { get; }

    /// <summary>The fully qualified service name, for example <c>grpc.health.v1.Health</c>.</summary>
    string ServiceName { get; }

    /// <summary>The method name, for example <c>Check</c>.</summary>
    string Name { get; }

    /// <summary>The path the method is called on: <c>/{ServiceName}/{Name}</c>.</summary>
    string FullName { get; }

    /// <summary>
    /// The protobuf descriptor of the method when the method was generated from a .proto file.
    /// Custom method options (such as required scopes) are read from it.
    /// </summary>
    MethodDescriptor? Descriptor { get; }
}
