namespace Interop.Hub.Notifications;

/// <summary>An organisation's place in its notification queue.</summary>
/// <param name="AcknowledgedCursor">The highest cursor it acknowledged (0 when none).</param>
/// <param name="DeletedCursor">The highest cursor of its events the hub deleted after acknowledgement (0 when none).</param>
/// <param name="LastCursor">The highest cursor ever addressed to it, deleted or not (0 when none).</param>
internal sealed record SubscriberPosition(long AcknowledgedCursor, long DeletedCursor, long LastCursor);
