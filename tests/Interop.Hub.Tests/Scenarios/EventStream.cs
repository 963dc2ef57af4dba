using Interop.Contracts.V1;
using Interop.Grpc;

namespace Interop.Hub.Tests.Scenarios;

/// <summary>
/// An organisation's open Subscribe stream: collects every event it delivers and waits for the ones a test expects.
/// </summary>
public sealed class EventStream : IDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly AsyncServerStreamingCall<SubscribeResponse> _call;
    private readonly CancellationTokenSource _stop = new();

    private EventStream(AsyncServerStreamingCall<SubscribeResponse> call) => _call = call;

    /// <summary>Everything delivered so far, in delivery order.</summary>
    public List<Event> Received { get; } = [];

    /// <summary>Subscribes after <paramref name="afterCursor"/>, or after the acknowledged position when null.</summary>
    public static EventStream Open(CallInvoker invoker, ulong? afterCursor = null)
    {
        var request = new SubscribeRequest();
        if (afterCursor is { } cursor)
        {
            request.AfterCursor = cursor;
        }

        return new EventStream(new NotificationService.NotificationServiceClient(invoker).Subscribe(request));
    }

    /// <summary>Reads until an event matching <paramref name="match"/> arrives (it may have arrived already).</summary>
    public async Task<Event> WaitForAsync(Func<Event, bool> match)
    {
        var found = Received.FirstOrDefault(match);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(WaitLimit);
        while (found is null)
        {
            if (!await _call.ResponseStream.MoveNext(limit.Token))
            {
                throw new InvalidOperationException("The event stream ended before the expected event arrived.");
            }

            Received.Add(_call.ResponseStream.Current.Event);
            if (match(_call.ResponseStream.Current.Event))
            {
                found = _call.ResponseStream.Current.Event;
            }
        }

        return found;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _call.Dispose();
        _stop.Dispose();
    }
}
