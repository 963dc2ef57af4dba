namespace Interop.Grpc.Tools.Tests.Fakes;

/// <summary>Reads messages from a list.</summary>
public sealed class ListStreamReader<T>(IReadOnlyList<T> messages) : IAsyncStreamReader<T>
{
    private int _index = -1;

    public T Current => messages[_index];

    public Task<bool> MoveNext(CancellationToken cancellationToken) => Task.FromResult(++_index < messages.Count);
}
