using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

public class DeadlineAndCancellationTests
{
    private static readonly TimeSpan Timeout = TestMethods.Timeout;

    /// <summary>A handler that never answers: it waits until the request is cancelled.</summary>
    private static FakeHandler Hanging(TaskCompletionSource<CancellationToken> started) => new(async (_, _, ct) =>
    {
        started.TrySetResult(ct);
        await Task.Delay(System.Threading.Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    });

    [Fact]
    public async Task Deadline_Passes_CancelsRequestWithDeadlineExceeded()
    {
        var clock = new ManualTimeProvider();
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = Hanging(started);
        using var channel = TestChannel.Create(handler, o => o.TimeProvider = clock);
        var deadline = clock.GetUtcNow().UtcDateTime.AddSeconds(5);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: deadline), "ping");
        var requestToken = await started.Task.WaitAsync(Timeout);
        Assert.False(call.ResponseAsync.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.False(requestToken.IsCancellationRequested);
        clock.Advance(TimeSpan.FromSeconds(1));

        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);
        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(requestToken.IsCancellationRequested);
        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("5000000u", Assert.Single(request.Headers.GetValues("grpc-timeout")));
    }

    [Fact]
    public async Task Deadline_AlreadyPassed_FailsWithoutSending()
    {
        var clock = new ManualTimeProvider();
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler, o => o.TimeProvider = clock);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: clock.GetUtcNow().UtcDateTime.AddSeconds(-1)), "ping");
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.Equal(0, handler.RequestCount);
        Assert.Equal(0, clock.ActiveTimers);
    }

    [Fact]
    public async Task Deadline_CallCompletesFirst_TimerReleased()
    {
        var clock = new ManualTimeProvider();
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler, o => o.TimeProvider = clock);

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(deadline: clock.GetUtcNow().UtcDateTime.AddMinutes(1)), "ping").ResponseAsync.WaitAsync(Timeout);

        Assert.Equal("pong", response);
        Assert.Equal(0, clock.ActiveTimers);
        Assert.Equal("60000000u", Assert.Single(Assert.Single(handler.Requests).Request.Headers.GetValues("grpc-timeout")));
    }

    [Fact]
    public async Task Cancellation_TokenFires_ThrowsCancelledAndCancelsRequest()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var channel = TestChannel.Create(Hanging(started));
        using var cts = new CancellationTokenSource();

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: cts.Token), "ping");
        var requestToken = await started.Task.WaitAsync(Timeout);
        await cts.CancelAsync();

        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.True(requestToken.IsCancellationRequested);
        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Cancellation_Dispose_ThrowsCancelledAndCancelsRequest()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var channel = TestChannel.Create(Hanging(started));

        var call = channel.CreateCallInvoker().AsyncServerStreamingCall(TestMethods.ServerStreaming, null, new CallOptions(), "ping");
        var requestToken = await started.Task.WaitAsync(Timeout);
        call.Dispose();

        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.True(requestToken.IsCancellationRequested);
    }

    [Fact]
    public async Task Cancellation_AlreadyCancelledToken_FailsWithoutSending()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(cancellationToken: new CancellationToken(true)), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(0, handler.RequestCount);
    }

    [Fact]
    public async Task Cancellation_ChannelDisposed_CancelsRunningCalls()
    {
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = TestChannel.Create(Hanging(started));

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        await started.Task.WaitAsync(Timeout);
        channel.Dispose();

        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Throws<ObjectDisposedException>(() => channel.CreateCallInvoker());
    }
}
