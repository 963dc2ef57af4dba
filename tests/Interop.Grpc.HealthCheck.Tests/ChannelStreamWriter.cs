using System.Threading.Channels;

namespace Interop.Grpc.HealthCheck.Tests;

/// <summary>A response stream the test reads from as the service writes.</summary>
public sealed class ChannelStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> _written = Channel.CreateUnbounded<T>();

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        _written.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public Task<T> ReadNextAsync() => _written.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public bool TryReadNext(out T? message) => _written.Reader.TryRead(out message);
}
