using Google.Protobuf.Reflection;

namespace Interop.Grpc.Reflection;

/// <summary>What the reflection service describes.</summary>
public sealed class GrpcReflectionOptions
{
    /// <summary>
    /// The services to describe. Defaults to empty, which means: every service mapped with MapGrpcService on this
    /// application (found through its endpoints), including the reflection service itself.
    /// </summary>
    public IList<ServiceDescriptor> Services { get; } = [];
}
