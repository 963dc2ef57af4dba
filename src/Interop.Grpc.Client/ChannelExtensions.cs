using Interop.Grpc.Interceptors;

namespace Interop.Grpc.Client;

/// <summary>Wraps a channel's call invoker with interceptors.</summary>
public static class ChannelExtensions
{
    /// <summary>
    /// Returns an invoker for <paramref name="channel"/> that runs <paramref name="interceptors"/>; the first in the list
    /// is the outermost.
    /// </summary>
    public static CallInvoker Intercept(this ChannelBase channel, params Interceptor[] interceptors)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().Intercept(interceptors);
    }

    /// <summary>Returns an invoker for <paramref name="channel"/> whose calls send the headers <paramref name="headersFunc"/> returns.</summary>
    public static CallInvoker Intercept(this ChannelBase channel, Func<Metadata, Metadata> headersFunc)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().Intercept(headersFunc);
    }
}
