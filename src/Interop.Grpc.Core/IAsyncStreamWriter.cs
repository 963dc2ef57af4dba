namespace Interop.Grpc;

/// <summary>Writes a stream of messages. Only one write may be pending at a time.</summary>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Options for subsequent writes.</summary>
    WriteOptions? WriteOptions { get; set; }

    /// <summary>Writes one message.</summary>
    Task WriteAsync(T message);

    /// <summary>Writes one message, giving up when <paramref name="cancellationToken"/> fires.</summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
