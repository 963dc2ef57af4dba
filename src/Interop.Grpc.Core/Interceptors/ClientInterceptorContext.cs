namespace Interop.Grpc.Interceptors;

/// <summary>The method, host and options of a client call being intercepted.</summary>
public readonly struct ClientInterceptorContext<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    /// <summary>Creates the context.</summary>
    public ClientInterceptorContext(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Method = method;
        Host = host;
        Options = options;
    }

    /// <summary>The method called.</summary>
    public Method<TRequest, TResponse> Method { get; }

    /// <summary>The host override, or null.</summary>
    public string? Host { get; }

    /// <summary>The call options; an interceptor passes changed options on in a new context.</summary>
    public CallOptions Options { get; }
}
