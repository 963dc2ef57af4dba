namespace Interop.Grpc.Tools.Tests.Fakes;

/// <summary>Collects written messages.</summary>
public sealed class ListStreamWriter<T> : IServerStreamWriter<T>, IClientStreamWriter<T>
{
    public List<T> Written { get; } = [];

    public bool Completed { get; private set; }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message)
    {
        Written.Add(message);
        return Task.CompletedTask;
    }

    public Task WriteAsync(T message, CancellationToken cancellationToken) => WriteAsync(message);

    public Task CompleteAsync()
    {
        Completed = true;
        return Task.CompletedTask;
    }
}
