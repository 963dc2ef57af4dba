using Interop.Grpc.Client.Internal;
using Interop.Grpc.Interceptors;

namespace Interop.Grpc.Client;

/// <summary>Wraps call invokers with interceptors.</summary>
public static class CallInvokerExtensions
{
    /// <summary>
    /// Returns an invoker that runs <paramref name="interceptors"/> around <paramref name="invoker"/>. As in grpc,
    /// the first interceptor in the list is the outermost: it sees the call first and the response last.
    /// </summary>
    public static CallInvoker Intercept(this CallInvoker invoker, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(interceptors);
        for (var i = interceptors.Length - 1; i >= 0; i--)
        {
            ArgumentNullException.ThrowIfNull(interceptors[i], nameof(interceptors));
            invoker = new InterceptingCallInvoker(invoker, interceptors[i]);
        }

        return invoker;
    }

    /// <summary>
    /// Returns an invoker that lets <paramref name="headersFunc"/> add to or replace the request headers of every call,
    /// for example to attach a bearer token. The function receives the call's headers (a new empty instance when the
    /// call has none) and returns the headers to send.
    /// </summary>
    public static CallInvoker Intercept(this CallInvoker invoker, Func<Metadata, Metadata> headersFunc)
    {
        ArgumentNullException.ThrowIfNull(headersFunc);
        return invoker.Intercept(new HeadersInterceptor(headersFunc));
    }
}
