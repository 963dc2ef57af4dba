using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class DeadlineAndCancellationTests
{
    [Fact]
    public async Task Deadline_Passes_FiresHandlerTokenAndReturnsDeadlineExceeded()
    {
        var time = new FakeTimeProvider();
        await using var server = await GrpcTestServer.StartAsync(timeProvider: time);
        var request = GrpcWire.Request(TestServiceBase.WaitMethod, GrpcWire.Frame(new StringValue { Value = "x" }));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "5S");
        var call = server.Client.CallAsync(request);

        await server.State.HandlerStarted.Task.WaitAsync(GrpcTestServer.Timeout);
        Assert.False(server.State.TokenFired.Task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(server.State.TokenFired.Task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await server.State.TokenFired.Task.WaitAsync(GrpcTestServer.Timeout);
        var response = await call;
        Assert.True(response.TrailersOnly);
        response.AssertStatus(StatusCode.DeadlineExceeded);
    }

    [Theory]
    [InlineData("1H", 36_000_000_000)]
    [InlineData("1M", 600_000_000)]
    [InlineData("1S", 10_000_000)]
    [InlineData("1000m", 10_000_000)]
    [InlineData("1000000u", 10_000_000)]
    [InlineData("99999999n", 999_999)]
    public async Task Deadline_EveryUnit_FiresAtThatTime(string timeout, long expectedTicks)
    {
        var time = new FakeTimeProvider();
        await using var server = await GrpcTestServer.StartAsync(timeProvider: time);
        var request = GrpcWire.Request(TestServiceBase.WaitMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        var call = server.Client.CallAsync(request);
        await server.State.HandlerStarted.Task.WaitAsync(GrpcTestServer.Timeout);

        var expected = TimeSpan.FromTicks(expectedTicks);
        time.Advance(expected - TimeSpan.FromTicks(1));
        Assert.False(server.State.TokenFired.Task.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        (await call).AssertStatus(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Deadline_RealClock_ShortTimeoutEndsCall()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var request = GrpcWire.Request(TestServiceBase.WaitMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("grpc-timeout", "50m");
        var response = await server.Client.CallAsync(request);
        response.AssertStatus(StatusCode.DeadlineExceeded);
        Assert.True(server.State.TokenFired.Task.IsCompleted);
    }

    [Fact]
    public async Task ClientCancel_ReachesHandlerTokenAndIsNotAnError()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var content = new PushContent();
        content.Write(GrpcWire.Frame(new StringValue { Value = "x" }));
        content.Complete();
        using var cts = new CancellationTokenSource();
        var call = server.Client.SendAsync(GrpcWire.Request(TestServiceBase.WaitMethod.FullName, content), HttpCompletionOption.ResponseHeadersRead, cts.Token);

        await server.State.HandlerStarted.Task.WaitAsync(GrpcTestServer.Timeout);
        await cts.CancelAsync();

        await server.State.TokenFired.Task.WaitAsync(GrpcTestServer.Timeout);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(GrpcTestServer.Timeout));

        // The cancellation is logged at Information (event 4), never as an error (checked when the server stops).
        await WaitForAsync(() => server.Logs.Entries.Any(e => e.EventId.Id == 4 && e.Level == LogLevel.Information));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(GrpcTestServer.Timeout);
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
