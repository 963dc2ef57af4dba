namespace Interop.Hub.Storage;

/// <summary>
/// Told by the write queue, after each commit, which organisations got new events, so their subscribers on this node
/// read them at once. Subscribers on other nodes (PostgreSQL) find them by polling.
/// </summary>
internal interface IHubEventSignal
{
    /// <summary>New events for these organisations are committed.</summary>
    void Publish(IReadOnlyCollection<string> recipientOins);
}
