using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Interop.Hub.Storage;

namespace Interop.Hub.Notifications;

/// <summary>
/// The durable notification queue as its subscribers read it: the hub_event rows of one organisation in cursor order,
/// its acknowledged position and the retention that follows from it. Events are written by the operations that
/// cause them (<see cref="HubWriteContext.AddEventAsync"/>); this class only reads, acknowledges and deletes.
/// </summary>
internal sealed class NotificationQueue(IHubDatabase database)
{
    /// <summary>Where <paramref name="oin"/> stands in its queue.</summary>
    public Task<SubscriberPosition> GetPositionAsync(string oin, CancellationToken cancellationToken) =>
        database.ReadAsync((connection, ct) => ReadPositionAsync(connection, null, oin, ct), cancellationToken);

    /// <summary>Up to <paramref name="limit"/> events of <paramref name="oin"/> with a cursor above <paramref name="afterCursor"/>.</summary>
    public Task<EventBatch> ReadAsync(string oin, long afterCursor, int limit, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
                    "SELECT event_cursor AS Cursor, event_id AS EventId, payload AS Payload FROM hub_event " +
                    "WHERE recipient_oin = @oin AND event_cursor > @afterCursor ORDER BY event_cursor LIMIT @limit",
                    new { oin, afterCursor, limit },
                    cancellationToken: ct)).ConfigureAwait(false);
                var events = rows.Select(ToEvent).ToList();
                // Read after the events: a deletion that happened before the read shows here, so the caller can tell a
                // gap (deleted events it never got) from an empty queue.
                var deleted = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "SELECT COALESCE(MAX(deleted_cursor), 0) FROM subscriber_position WHERE organisation_oin = @oin",
                    new { oin },
                    cancellationToken: ct)).ConfigureAwait(false);
                return new EventBatch(events, deleted);
            },
            cancellationToken);

    /// <summary>
    /// Moves <paramref name="oin"/>'s acknowledged cursor forward to <paramref name="cursor"/> (a lower one changes
    /// nothing) and deletes its events up to it (except the newest event of the whole queue), in one write. Returns the stored position. INVALID_ARGUMENT when the
    /// cursor is beyond the last event ever addressed to the organisation.
    /// </summary>
    public Task<long> AcknowledgeAsync(string oin, long cursor, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async context =>
            {
                var position = await ReadPositionAsync(context.Connection, context.Transaction, oin, context.CancellationToken).ConfigureAwait(false);
                if (cursor > position.LastCursor)
                {
                    NotificationErrors.CursorBeyondLastEvent(position.LastCursor);
                }

                if (cursor <= position.AcknowledgedCursor)
                {
                    return position.AcknowledgedCursor;
                }

                // Cursors come from a counter (hub_counter), so deleting acknowledged events never lets a cursor be
                // handed out again.
                const string Deletable = "recipient_oin = @oin AND event_cursor <= @cursor";
                var deletedNow = await context.Connection.ExecuteScalarAsync<long>(context.Command(
                    "SELECT COALESCE(MAX(event_cursor), 0) FROM hub_event WHERE " + Deletable, new { oin, cursor })).ConfigureAwait(false);
                await context.ExecuteAsync("DELETE FROM hub_event WHERE " + Deletable, new { oin, cursor }).ConfigureAwait(false);
                var deleted = Math.Max(position.DeletedCursor, deletedNow);
                var updated = await context.ExecuteAsync(
                    "UPDATE subscriber_position SET acknowledged_cursor = @cursor, deleted_cursor = @deleted WHERE organisation_oin = @oin",
                    new { oin, cursor, deleted }).ConfigureAwait(false);
                if (updated == 0)
                {
                    await context.ExecuteAsync(
                        "INSERT INTO subscriber_position (organisation_oin, acknowledged_cursor, deleted_cursor) VALUES (@oin, @cursor, @deleted)",
                        new { oin, cursor, deleted }).ConfigureAwait(false);
                }

                return cursor;
            },
            cancellationToken);

    private static async Task<SubscriberPosition> ReadPositionAsync(DbConnection connection, DbTransaction? transaction, string oin, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(
            "SELECT acknowledged_cursor AS AcknowledgedCursor, deleted_cursor AS DeletedCursor FROM subscriber_position WHERE organisation_oin = @oin",
            new { oin },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var stored = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(event_cursor), 0) FROM hub_event WHERE recipient_oin = @oin",
            new { oin },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        var acknowledged = row?.AcknowledgedCursor ?? 0;
        var deleted = row?.DeletedCursor ?? 0;
        // Acknowledged events may be deleted, so the last cursor addressed to the organisation is the highest of the
        // stored ones and the acknowledged one.
        return new SubscriberPosition(acknowledged, deleted, Math.Max(stored, Math.Max(acknowledged, deleted)));
    }

    private static Event ToEvent(EventRow row)
    {
        var @event = Event.Parser.ParseFrom(Convert.FromBase64String(row.Payload));
        // The columns are authoritative: the payload was written with the same values (AddEventAsync).
        @event.Cursor = (ulong)row.Cursor;
        @event.EventId = row.EventId;
        return @event;
    }

    private sealed class EventRow
    {
        public long Cursor { get; set; }

        public string EventId { get; set; } = "";

        public string Payload { get; set; } = "";
    }

    private sealed class PositionRow
    {
        public long AcknowledgedCursor { get; set; }

        public long DeletedCursor { get; set; }
    }
}
