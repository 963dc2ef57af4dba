namespace Interop.Grpc;

/// <summary>Writes the request stream of a client-streaming or duplex call.</summary>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Half-closes the request stream: tells the server no more messages follow.</summary>
    Task CompleteAsync();
}
