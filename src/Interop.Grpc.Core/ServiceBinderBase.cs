namespace Interop.Grpc;

/// <summary>
/// Receives the methods of a service from its generated <c>BindService</c>. Each handler takes the service instance
/// first, so the host can create (or resolve) the instance per call and no reflection is needed per call.
/// </summary>
public abstract class ServiceBinderBase
{
    /// <summary>Adds a unary method.</summary>
    public abstract void AddMethod<TService, TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler)
        where TService : class
        where TRequest : class
        where TResponse : class;

    /// <summary>Adds a client-streaming method.</summary>
    public abstract void AddMethod<TService, TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
        where TService : class
        where TRequest : class
        where TResponse : class;

    /// <summary>Adds a server-streaming method.</summary>
    public abstract void AddMethod<TService, TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TService : class
        where TRequest : class
        where TResponse : class;

    /// <summary>Adds a duplex-streaming method.</summary>
    public abstract void AddMethod<TService, TRequest, TResponse>(
        Method<TRequest, TResponse> method,
        Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TService : class
        where TRequest : class
        where TResponse : class;
}
