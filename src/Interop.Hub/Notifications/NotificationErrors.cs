using System.Diagnostics.CodeAnalysis;
using Interop.Grpc;
using Interop.Hub.Calls;

namespace Interop.Hub.Notifications;

/// <summary>
/// The refusals of NotificationService. OUT_OF_RANGE and UNAVAILABLE have no helper in <see cref="HubErrors"/> (no
/// other service uses them), so they are thrown here, in one place.
/// </summary>
internal static class NotificationErrors
{
    /// <summary>INVALID_ARGUMENT: AcknowledgeEvents named a cursor the organisation never got.</summary>
    [DoesNotReturn]
    public static void CursorBeyondLastEvent(long lastCursor) =>
        HubErrors.InvalidArgument("cursor", $"Beyond the last event addressed to your organisation (cursor {lastCursor}): acknowledge only cursors of events you received.");

    /// <summary>OUT_OF_RANGE: the events after the subscriber's cursor are no longer all retained.</summary>
    [DoesNotReturn]
    public static void EventsDeleted(long deletedCursor) =>
        throw new RpcException(new Status(
            StatusCode.OutOfRange,
            $"Events up to cursor {deletedCursor} were deleted after your organisation acknowledged them; your cursor is below that. Resume with after_cursor 0 (the oldest retained event) or without a cursor, after recovering what you missed."));

    /// <summary>OUT_OF_RANGE: after_cursor is beyond the last event addressed to the organisation, so it is not a cursor of this hub's queue.</summary>
    [DoesNotReturn]
    public static void CursorBeyondQueue(long lastCursor) =>
        throw new RpcException(new Status(
            StatusCode.OutOfRange,
            $"after_cursor is beyond the last event addressed to your organisation (cursor {lastCursor}): it is not a cursor this hub issued to you."));

    /// <summary>UNAVAILABLE: the hub node is shutting down; reconnect (to another node) with the last cursor.</summary>
    [DoesNotReturn]
    public static void Stopping() =>
        throw new RpcException(new Status(StatusCode.Unavailable, "The hub is shutting down: reconnect with the cursor of the last event you processed."));
}
