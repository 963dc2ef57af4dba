using System.Collections.Concurrent;
using Interop.Hub.Storage;

namespace Interop.Hub.Tests.Foundation;

/// <summary>Records which organisations the write queue signalled, in order.</summary>
internal sealed class RecordingSignal : IHubEventSignal
{
    public ConcurrentQueue<string> Published { get; } = new();

    public void Publish(IReadOnlyCollection<string> recipientOins)
    {
        foreach (var oin in recipientOins)
        {
            Published.Enqueue(oin);
        }
    }
}
