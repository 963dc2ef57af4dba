using System.Threading.Channels;
using Google.Protobuf.Reflection;

namespace Interop.Grpc.Reflection.Tests;

/// <summary>A request stream the test feeds; completing it is the client's half-close.</summary>
public sealed class ChannelStreamReader<T> : IAsyncStreamReader<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();

    public T Current { get; private set; } = default!;

    public void Send(T message) => _channel.Writer.TryWrite(message);

    public void Complete() => _channel.Writer.TryComplete();

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (await _channel.Reader.WaitToReadAsync(cancellationToken) && _channel.Reader.TryRead(out var message))
        {
            Current = message;
            return true;
        }

        return false;
    }
}

/// <summary>A response stream the test reads as the service writes.</summary>
public sealed class ChannelStreamWriter<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        _channel.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public Task<T> ReadNextAsync() => _channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}

/// <summary>A server call context with fixed values.</summary>
public sealed class TestServerCallContext : ServerCallContext
{
    public override string Method => "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";

    public override MethodDescriptor? MethodDescriptor => null;

    public override string Host => "localhost";

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = new();

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; }

    public override WriteOptions? WriteOptions { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;
}
