using System.Collections.ObjectModel;
using Interop.Grpc.Interceptors;

namespace Interop.Grpc.AspNetCore;

/// <summary>The server interceptors of <see cref="GrpcServiceOptions"/>, in the order they run (first added is outermost).</summary>
public sealed class InterceptorCollection : Collection<InterceptorRegistration>
{
    /// <summary>
    /// Adds an interceptor type. Each call resolves it from the request services when registered there, otherwise
    /// creates it with <c>ActivatorUtilities</c> (disposed at the end of the call).
    /// </summary>
    public void Add<TInterceptor>()
        where TInterceptor : Interceptor => Add(new InterceptorRegistration(typeof(TInterceptor)));

    /// <summary>Adds an interceptor instance shared by every call.</summary>
    public void Add(Interceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        Add(new InterceptorRegistration(interceptor));
    }
}
