using Interop.Contracts.V1;

namespace Interop.Hub.Notifications;

/// <summary>One read of an organisation's queue.</summary>
/// <param name="Events">The events after the position asked for, in cursor order.</param>
/// <param name="DeletedCursor">The organisation's deleted cursor, read after the events.</param>
internal sealed record EventBatch(IReadOnlyList<Event> Events, long DeletedCursor);
