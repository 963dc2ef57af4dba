using Interop.Contracts.V1;
using Interop.Federation.Grpc;
using Interop.Grpc;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Notifications;

/// <summary>
/// interop.v1.NotificationService: each organisation's events from the durable queue (hub_event), by cursor. The
/// notifications.read scope is enforced by the authorization interceptor before these handlers run.
/// </summary>
/// <remarks>
/// Delivery is not logged as a processing: an event carries no case content, only the receiver's own pseudonym of the
/// jongere, and the receiver fetches the content with the owning service, which checks its basis and logs that
/// processing (notifications.proto). The operation that queued the event logged its own processing.
/// Several streams of one organisation each get every event: the position is the organisation's, not a stream's.
/// </remarks>
internal sealed class NotificationGrpcService(
    NotificationQueue queue,
    HubEventSignal signal,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    IHostApplicationLifetime lifetime) : NotificationService.NotificationServiceBase
{
    /// <inheritdoc />
    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, ServerCallContext context)
    {
        var oin = context.GetHubCaller().Oin;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await StreamAsync(oin, request, responseStream, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException && context.CancellationToken.IsCancellationRequested)
        {
            // The client cancelled or its deadline passed: the stream simply ends (a write to the gone client may
            // fail with something other than OperationCanceledException, hence any exception).
        }
        catch (Exception ex) when (ex is not RpcException && lifetime.ApplicationStopping.IsCancellationRequested)
        {
            NotificationErrors.Stopping();
        }
    }

    /// <inheritdoc />
    public override async Task<AcknowledgeEventsResponse> AcknowledgeEvents(AcknowledgeEventsRequest request, ServerCallContext context)
    {
        var oin = context.GetHubCaller().Oin;
        if (request.Cursor > long.MaxValue)
        {
            NotificationErrors.CursorBeyondLastEvent((await queue.GetPositionAsync(oin, context.CancellationToken).ConfigureAwait(false)).LastCursor);
        }

        var acknowledged = await queue.AcknowledgeAsync(oin, (long)request.Cursor, context.CancellationToken).ConfigureAwait(false);
        return new AcknowledgeEventsResponse { AcknowledgedCursor = (ulong)acknowledged };
    }

    private async Task StreamAsync(string oin, SubscribeRequest request, IServerStreamWriter<SubscribeResponse> responseStream, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var position = await StartPositionAsync(oin, request, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            // Taken before the read: an event committed on this node after the read completes this task, so it is
            // never left waiting for the next poll. Events committed on other nodes are found by the poll.
            var wake = signal.WaitAsync(oin);
            var batch = await queue.ReadAsync(oin, position, settings.BatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.DeletedCursor > position && (batch.Events.Count == 0 || batch.DeletedCursor < (long)batch.Events[0].Cursor))
            {
                // Another stream of this organisation acknowledged events this stream had not delivered yet, and they
                // were deleted: skipping them silently would break "none missed".
                NotificationErrors.EventsDeleted(batch.DeletedCursor);
            }

            foreach (var @event in batch.Events)
            {
                await responseStream.WriteAsync(new SubscribeResponse { Event = @event }, cancellationToken).ConfigureAwait(false);
                position = (long)@event.Cursor;
            }

            if (batch.Events.Count == settings.BatchSize)
            {
                continue;
            }

            using var pollCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var poll = Task.Delay(settings.PollInterval, time, pollCancel.Token);
            await Task.WhenAny(wake, poll).ConfigureAwait(false);
            await pollCancel.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<long> StartPositionAsync(string oin, SubscribeRequest request, CancellationToken cancellationToken)
    {
        var position = await queue.GetPositionAsync(oin, cancellationToken).ConfigureAwait(false);
        if (!request.HasAfterCursor)
        {
            return position.AcknowledgedCursor;
        }

        if (request.AfterCursor > (ulong)position.LastCursor)
        {
            NotificationErrors.CursorBeyondQueue(position.LastCursor);
        }

        var after = (long)request.AfterCursor;
        if (after == 0)
        {
            // 0 is "from the oldest retained event": everything up to the deleted cursor is gone on purpose.
            return position.DeletedCursor;
        }

        if (after < position.DeletedCursor)
        {
            NotificationErrors.EventsDeleted(position.DeletedCursor);
        }

        return after;
    }
}
