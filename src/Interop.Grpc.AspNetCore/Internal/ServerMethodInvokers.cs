namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// Builds, once per mapped method, the delegate a call runs: the interceptors (first registered outermost) around
/// the service handler on a per-call service instance. Nothing here allocates per call but the awaits themselves.
/// </summary>
internal static class ServerMethodInvokers
{
    public static UnaryServerMethod<TRequest, TResponse> Unary<TService, TRequest, TResponse>(
        Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler,
        ServiceActivator<TService> activator,
        InterceptorActivator[] interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        // Only a created, disposable service needs the call awaited here; otherwise the handler's task is returned as it is.
        UnaryServerMethod<TRequest, TResponse> next = activator.DisposeAfterCall
            ? async (request, context) =>
            {
                var service = activator.Create(context.GetHttpContext(), out var created);
                try
                {
                    return await handler(service, request, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
                }
            }
            : (request, context) => handler(activator.Create(context.GetHttpContext(), out _), request, context);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var inner = next;
            var interceptor = interceptors[i];
            next = (request, context) => interceptor.Resolve(context).UnaryServerHandler(request, context, inner);
        }

        return next;
    }

    public static ClientStreamingServerMethod<TRequest, TResponse> ClientStreaming<TService, TRequest, TResponse>(
        Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler,
        ServiceActivator<TService> activator,
        InterceptorActivator[] interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        // Only a created, disposable service needs the call awaited here; otherwise the handler's task is returned as it is.
        ClientStreamingServerMethod<TRequest, TResponse> next = activator.DisposeAfterCall
            ? async (requestStream, context) =>
            {
                var service = activator.Create(context.GetHttpContext(), out var created);
                try
                {
                    return await handler(service, requestStream, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
                }
            }
            : (requestStream, context) => handler(activator.Create(context.GetHttpContext(), out _), requestStream, context);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var inner = next;
            var interceptor = interceptors[i];
            next = (requestStream, context) => interceptor.Resolve(context).ClientStreamingServerHandler(requestStream, context, inner);
        }

        return next;
    }

    public static ServerStreamingServerMethod<TRequest, TResponse> ServerStreaming<TService, TRequest, TResponse>(
        Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler,
        ServiceActivator<TService> activator,
        InterceptorActivator[] interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        // Only a created, disposable service needs the call awaited here; otherwise the handler's task is returned as it is.
        ServerStreamingServerMethod<TRequest, TResponse> next = activator.DisposeAfterCall
            ? async (request, responseStream, context) =>
            {
                var service = activator.Create(context.GetHttpContext(), out var created);
                try
                {
                    await handler(service, request, responseStream, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
                }
            }
            : (request, responseStream, context) => handler(activator.Create(context.GetHttpContext(), out _), request, responseStream, context);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var inner = next;
            var interceptor = interceptors[i];
            next = (request, responseStream, context) => interceptor.Resolve(context).ServerStreamingServerHandler(request, responseStream, context, inner);
        }

        return next;
    }

    public static DuplexStreamingServerMethod<TRequest, TResponse> DuplexStreaming<TService, TRequest, TResponse>(
        Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler,
        ServiceActivator<TService> activator,
        InterceptorActivator[] interceptors)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        // Only a created, disposable service needs the call awaited here; otherwise the handler's task is returned as it is.
        DuplexStreamingServerMethod<TRequest, TResponse> next = activator.DisposeAfterCall
            ? async (requestStream, responseStream, context) =>
            {
                var service = activator.Create(context.GetHttpContext(), out var created);
                try
                {
                    await handler(service, requestStream, responseStream, context).ConfigureAwait(false);
                }
                finally
                {
                    await ServiceActivator<TService>.ReleaseAsync(service, created).ConfigureAwait(false);
                }
            }
            : (requestStream, responseStream, context) => handler(activator.Create(context.GetHttpContext(), out _), requestStream, responseStream, context);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            var inner = next;
            var interceptor = interceptors[i];
            next = (requestStream, responseStream, context) => interceptor.Resolve(context).DuplexStreamingServerHandler(requestStream, responseStream, context, inner);
        }

        return next;
    }
}
