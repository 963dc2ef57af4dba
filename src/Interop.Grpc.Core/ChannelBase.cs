namespace Interop.Grpc;

/// <summary>A connection (or pool of connections) to one gRPC server, shared by any number of clients.</summary>
public abstract class ChannelBase
{
    /// <summary>Creates a channel for <paramref name="target"/>.</summary>
    protected ChannelBase(string target) => Target = target;

    /// <summary>The address the channel calls.</summary>
    public string Target { get; }

    /// <summary>A call invoker that starts calls on this channel.</summary>
    public abstract CallInvoker CreateCallInvoker();
}
