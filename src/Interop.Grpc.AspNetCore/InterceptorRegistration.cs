using Interop.Grpc.Interceptors;

namespace Interop.Grpc.AspNetCore;

/// <summary>One entry of <see cref="InterceptorCollection"/>: an interceptor type or a shared instance.</summary>
public sealed class InterceptorRegistration
{
    /// <summary>Registers a type, created or resolved per call.</summary>
    public InterceptorRegistration(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
    }

    /// <summary>Registers a shared instance.</summary>
    public InterceptorRegistration(Interceptor instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        Type = instance.GetType();
        Instance = instance;
    }

    /// <summary>The interceptor type.</summary>
    public Type Type { get; }

    /// <summary>The shared instance, or null when <see cref="Type"/> is resolved per call.</summary>
    public Interceptor? Instance { get; }
}
