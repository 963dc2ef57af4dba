using System.Collections.Concurrent;
using Interop.Hub.Storage;

namespace Interop.Hub.Notifications;

/// <summary>
/// Wakes this node's subscribers when events for their organisation commit. A waiter takes
/// <see cref="WaitAsync"/>'s task before reading the queue, so an event committed between its read and its wait is
/// never missed: the task is already completed then.
/// </summary>
internal sealed class HubEventSignal : IHubEventSignal
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Publish(IReadOnlyCollection<string> recipientOins)
    {
        ArgumentNullException.ThrowIfNull(recipientOins);
        foreach (var oin in recipientOins)
        {
            if (_waiters.TryRemove(oin, out var waiter))
            {
                waiter.TrySetResult();
            }
        }
    }

    /// <summary>A task that completes at the next <see cref="Publish"/> for <paramref name="oin"/>.</summary>
    public Task WaitAsync(string oin) =>
        _waiters.GetOrAdd(oin, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
