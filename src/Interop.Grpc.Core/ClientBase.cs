namespace Interop.Grpc;

/// <summary>Base of generated clients: holds the call invoker.</summary>
public abstract class ClientBase
{
    /// <summary>A client calling through <paramref name="callInvoker"/>.</summary>
    protected ClientBase(CallInvoker callInvoker)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        CallInvoker = callInvoker;
    }

    /// <summary>A client calling on <paramref name="channel"/>.</summary>
    protected ClientBase(ChannelBase channel)
        : this(channel?.CreateCallInvoker() ?? throw new ArgumentNullException(nameof(channel)))
    {
    }

    /// <summary>The call invoker the client uses.</summary>
    protected CallInvoker CallInvoker { get; }
}
