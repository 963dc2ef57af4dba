using Interop.Contracts.V1;
using Interop.Grpc;
using Interop.Hub.Tests.Infrastructure;

namespace Interop.Hub.Tests.Notifications;

/// <summary>
/// NotificationService end to end: events are put into the hub's queue directly (as the services that produce them
/// will), so every delivery here after the stream opened is found by the hub's polling. Each test registers its own
/// organisations, so their queues are theirs alone.
/// </summary>
public abstract class NotificationTests<TFixture>(TFixture fixture)
    where TFixture : TwenteHubFixture
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HubDatabaseAccess _database = new(fixture.Hub);

    [Fact]
    public async Task Subscribe_BacklogThenLiveEvents_InCursorOrder()
    {
        var (oin, client) = await NewSubscriberAsync();
        var backlog = await AddEventsAsync(oin, 3);

        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        var first = await ReadAsync(call, 3);
        var live = await AddEventsAsync(oin, 2);
        var second = await ReadAsync(call, 2);

        AssertSameEvents([.. backlog, .. live], [.. first, .. second]);
        Assert.True(first.Concat(second).Select(e => e.Cursor).SequenceEqual(first.Concat(second).Select(e => e.Cursor).Order()));
        Assert.Equal(Event.PayloadOneofCase.ReferralReceived, first[0].PayloadCase);
        Assert.Equal(Twente.RocVanTwente, first[0].ReferralReceived.Sender.Oin);
    }

    [Fact]
    public async Task Subscribe_BacklogOfSeveralBatches_EveryEventOnceInOrder()
    {
        var (oin, client) = await NewSubscriberAsync();
        var (otherOin, _) = await NewSubscriberAsync();
        var backlog = await _database.AddEventsAsync(oin, 120);
        await _database.AddEventsAsync(otherOin, 10);
        backlog.AddRange(await _database.AddEventsAsync(oin, 110));

        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        AssertSameEvents(backlog, await ReadAsync(call, backlog.Count));
        var marker = await _database.AddEventAsync(oin);
        AssertSameEvents([marker], await ReadAsync(call, 1));
    }

    [Fact]
    public async Task Subscribe_EventsOfAnotherOrganisation_NeverDelivered()
    {
        var (oin, client) = await NewSubscriberAsync();
        var (otherOin, otherClient) = await NewSubscriberAsync();
        var mine = new List<Event>();
        var theirs = new List<Event>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await _database.AddEventAsync(oin));
            theirs.Add(await _database.AddEventAsync(otherOin));
        }

        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        using var otherCall = otherClient.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        AssertSameEvents(mine, await ReadAsync(call, 3));
        AssertSameEvents(theirs, await ReadAsync(otherCall, 3));

        // Live too: the other organisation's new event is skipped, the next own event is the next message.
        await _database.AddEventAsync(otherOin);
        var next = await _database.AddEventAsync(oin);
        AssertSameEvents([next], await ReadAsync(call, 1));
    }

    [Fact]
    public async Task Subscribe_ReconnectWithLastCursor_GetsEveryLaterEventExactlyOnce()
    {
        var (oin, client) = await NewSubscriberAsync();
        var events = await AddEventsAsync(oin, 5);

        Event lastProcessed;
        using (var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }))
        {
            var got = await ReadAsync(call, 2);
            lastProcessed = got[^1];
        }

        // Dropped mid-way; more events arrive while the subscriber is away.
        var later = await AddEventsAsync(oin, 2);
        using var again = client.Subscribe(new SubscribeRequest { AfterCursor = lastProcessed.Cursor });
        var resumed = await ReadAsync(again, 5);
        AssertSameEvents([.. events.Skip(2), .. later], resumed);

        // Nothing else is pending: the next message is the next new event.
        var marker = await _database.AddEventAsync(oin);
        AssertSameEvents([marker], await ReadAsync(again, 1));
    }

    [Fact]
    public async Task Subscribe_EventsWaitWhileOffline_AndTwoStreamsOfOneOrganisationEachGetAll()
    {
        var (oin, client) = await NewSubscriberAsync();
        var whileOffline = await AddEventsAsync(oin, 3);

        using var one = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        using var two = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        AssertSameEvents(whileOffline, await ReadAsync(one, 3));
        AssertSameEvents(whileOffline, await ReadAsync(two, 3));
        Assert.Equal(3, await _database.CountEventsAsync(oin));
    }

    [Fact]
    public async Task Acknowledge_MovesForwardOnly_LowerIsNoOp_BeyondIsInvalidArgument()
    {
        var (oin, client) = await NewSubscriberAsync();
        var (otherOin, _) = await NewSubscriberAsync();
        Assert.Equal(0UL, (await AcknowledgeAsync(client, 0)).AcknowledgedCursor);
        var events = await AddEventsAsync(oin, 3);
        var othersLater = await _database.AddEventAsync(otherOin);

        Assert.Equal(events[1].Cursor, (await AcknowledgeAsync(client, events[1].Cursor)).AcknowledgedCursor);
        Assert.Equal(events[1].Cursor, (await AcknowledgeAsync(client, events[0].Cursor)).AcknowledgedCursor);
        Assert.Equal(events[1].Cursor, (await AcknowledgeAsync(client, events[1].Cursor)).AcknowledgedCursor);

        // Beyond the last event addressed to the caller: another organisation's later cursor, or far beyond.
        foreach (var beyond in new[] { othersLater.Cursor, events[2].Cursor + 1_000, ulong.MaxValue })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => AcknowledgeAsync(client, beyond));
            Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
            Assert.Equal("cursor", Assert.Single(RpcErrorDetails.GetBadRequest(ex).FieldViolations).Field);
        }

        // The refused calls changed nothing; the last event can still be acknowledged.
        Assert.Equal(events[1].Cursor, (await AcknowledgeAsync(client, 0)).AcknowledgedCursor);
        Assert.Equal(events[2].Cursor, (await AcknowledgeAsync(client, events[2].Cursor)).AcknowledgedCursor);
    }

    [Fact]
    public async Task Acknowledge_DeletesAcknowledgedEvents_SubscribeWithoutCursorResumesAfterIt()
    {
        var (oin, client) = await NewSubscriberAsync();
        var events = await AddEventsAsync(oin, 4);
        await AcknowledgeAsync(client, events[1].Cursor);

        Assert.Equal(2, await _database.CountEventsAsync(oin));
        using (var call = client.Subscribe(new SubscribeRequest()))
        {
            AssertSameEvents(events.Skip(2).ToList(), await ReadAsync(call, 2));
        }

        // 0 is the oldest retained event; a cursor below the deleted ones would miss events: OUT_OF_RANGE.
        using (var fromOldest = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }))
        {
            AssertSameEvents(events.Skip(2).ToList(), await ReadAsync(fromOldest, 2));
        }

        using var tooOld = client.Subscribe(new SubscribeRequest { AfterCursor = events[0].Cursor });
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(tooOld, 1));
        Assert.Equal(StatusCode.OutOfRange, ex.StatusCode);
    }

    [Fact]
    public async Task Subscribe_OpenStreamBehindAnotherStreamsAcknowledgement_NeverSkipsSilently()
    {
        var (oin, client) = await NewSubscriberAsync();
        var events = await AddEventsAsync(oin, 2);
        using var behind = client.Subscribe(new SubscribeRequest { AfterCursor = events[^1].Cursor });

        // New events are acknowledged (and deleted) by the organisation, perhaps before this stream read them. The
        // stream either delivered them before the deletion or ends with OUT_OF_RANGE; it never waits on as if nothing
        // was missed (that would hang this test until its timeout).
        var unseen = await AddEventsAsync(oin, 2);
        await _database.AddEventAsync((await NewSubscriberAsync()).Oin);
        await AcknowledgeAsync(client, unseen[^1].Cursor);
        Assert.Equal(0, await _database.CountEventsAsync(oin));

        var delivered = new List<Event>();
        try
        {
            while (delivered.Count < unseen.Count)
            {
                delivered.AddRange(await ReadAsync(behind, 1));
            }
        }
        catch (RpcException ex)
        {
            Assert.Equal(StatusCode.OutOfRange, ex.StatusCode);
        }

        AssertSameEvents(unseen.Take(delivered.Count).ToList(), delivered);
    }

    [Fact]
    public async Task Subscribe_AfterCursorBeyondLastEvent_OutOfRange()
    {
        var (oin, client) = await NewSubscriberAsync();
        var events = await AddEventsAsync(oin, 1);

        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = events[0].Cursor + 100 });
        var ex = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(call, 1));
        Assert.Equal(StatusCode.OutOfRange, ex.StatusCode);
    }

    [Fact]
    public async Task Subscribe_DeadlineOrCancel_EndsTheStreamCleanly()
    {
        var (oin, client) = await NewSubscriberAsync();
        var events = await AddEventsAsync(oin, 1);

        using (var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }, deadline: DateTime.UtcNow.AddSeconds(3)))
        {
            AssertSameEvents(events, await ReadAsync(call, 1));
            var ex = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(call, 1));
            Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        }

        using var cancel = new CancellationTokenSource();
        using (var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }, cancellationToken: cancel.Token))
        {
            AssertSameEvents(events, await ReadAsync(call, 1));
            await cancel.CancelAsync();
            var ex = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(call, 1));
            Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        }

        // The hub logged no failure for either, and keeps serving the organisation.
        Assert.DoesNotContain("Unexpected failure in /interop.v1.NotificationService", fixture.Hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage failed during /interop.v1.NotificationService", fixture.Hub.Output, StringComparison.Ordinal);
        using var next = client.Subscribe(new SubscribeRequest { AfterCursor = 0 });
        AssertSameEvents(events, await ReadAsync(next, 1));
    }

    [Fact]
    public async Task Notifications_WithoutScope_PermissionDenied()
    {
        var oin = await _database.NewOrganisationAsync();
        using var partner = await fixture.NewClientAsync(oin, "directory.read");
        var client = new NotificationService.NotificationServiceClient(partner.CallInvoker);

        using var call = client.Subscribe(new SubscribeRequest());
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => ReadAsync(call, 1))).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => AcknowledgeAsync(client, 0))).StatusCode);
    }

    private async Task<(string Oin, NotificationService.NotificationServiceClient Client)> NewSubscriberAsync()
    {
        var oin = await _database.NewOrganisationAsync();
        var partner = await fixture.NewClientAsync(oin, "notifications.read");
        return (oin, new NotificationService.NotificationServiceClient(partner.CallInvoker));
    }

    private async Task<List<Event>> AddEventsAsync(string oin, int count)
    {
        var events = new List<Event>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await _database.AddEventAsync(oin));
        }

        return events;
    }

    private static async Task<List<Event>> ReadAsync(AsyncServerStreamingCall<SubscribeResponse> call, int count)
    {
        var events = new List<Event>();
        using var timeout = new CancellationTokenSource(Timeout);
        while (events.Count < count)
        {
            Assert.True(await call.ResponseStream.MoveNext(timeout.Token).WaitAsync(Timeout), "The stream ended.");
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }

    private static Task<AcknowledgeEventsResponse> AcknowledgeAsync(NotificationService.NotificationServiceClient client, ulong cursor) =>
        client.AcknowledgeEventsAsync(new AcknowledgeEventsRequest { Cursor = cursor }).ResponseAsync.WaitAsync(Timeout);

    private static void AssertSameEvents(IReadOnlyList<Event> expected, IReadOnlyList<Event> actual)
    {
        Assert.Equal(expected.Select(e => (e.Cursor, e.EventId)), actual.Select(e => (e.Cursor, e.EventId)));
        Assert.Equal(expected, actual);
    }
}

/// <summary>NotificationService on SQLite.</summary>
public sealed class NotificationOnSqliteTests(SqliteTwenteHub fixture) : NotificationTests<SqliteTwenteHub>(fixture), IClassFixture<SqliteTwenteHub>;

/// <summary>NotificationService on PostgreSQL.</summary>
public sealed class NotificationOnPostgreSqlTests(PostgreSqlTwenteHub fixture) : NotificationTests<PostgreSqlTwenteHub>(fixture), IClassFixture<PostgreSqlTwenteHub>;
