using System.Collections.Concurrent;

namespace InteropTestsClient;

/// <summary>
/// Collects the Compressed-Flag of every response message, in arrival order, so server_compressed_unary and
/// server_compressed_streaming can check the flag itself as the descriptions require, not only the payload.
/// </summary>
internal sealed class ResponseFlagObserver
{
    private readonly ConcurrentQueue<bool> _flags = new();

    public void Record(bool compressed) => _flags.Enqueue(compressed);

    /// <summary>The flags seen since the last call, and forgets them.</summary>
    public IReadOnlyList<bool> Take()
    {
        var taken = new List<bool>();
        while (_flags.TryDequeue(out var flag))
        {
            taken.Add(flag);
        }

        return taken;
    }
}
