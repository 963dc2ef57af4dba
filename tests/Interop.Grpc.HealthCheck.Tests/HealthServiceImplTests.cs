using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Tests;

public sealed class HealthServiceImplTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Check_KnownService_ReturnsStatus()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("svc", ServingStatus.NotServing);

        var response = await service.Check(new HealthCheckRequest { Service = "svc" }, new TestServerCallContext()).WaitAsync(Timeout);

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_FailsNotFound()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("", ServingStatus.Serving);

        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Check(new HealthCheckRequest { Service = "other" }, new TestServerCallContext()).WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_ClearedService_FailsNotFound()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("svc", ServingStatus.Serving);
        service.ClearStatus("svc");

        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Check(new HealthCheckRequest { Service = "svc" }, new TestServerCallContext()).WaitAsync(Timeout));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Null(service.GetStatus("svc"));
    }

    [Fact]
    public async Task Watch_KnownService_SendsCurrentThenEveryChange()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("svc", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        var stream = new ChannelStreamWriter<HealthCheckResponse>();

        var watch = service.Watch(new HealthCheckRequest { Service = "svc" }, stream, new TestServerCallContext(cts.Token));

        Assert.Equal(ServingStatus.Serving, (await stream.ReadNextAsync()).Status);
        service.SetStatus("svc", ServingStatus.NotServing);
        Assert.Equal(ServingStatus.NotServing, (await stream.ReadNextAsync()).Status);
        service.SetStatus("svc", ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await stream.ReadNextAsync()).Status);
        await cts.CancelAsync();
        await watch.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Watch_UnknownService_SendsServiceUnknownAndKeepsCallOpen()
    {
        var service = new HealthServiceImpl();
        using var cts = new CancellationTokenSource();
        var stream = new ChannelStreamWriter<HealthCheckResponse>();

        var watch = service.Watch(new HealthCheckRequest { Service = "later" }, stream, new TestServerCallContext(cts.Token));

        Assert.Equal(ServingStatus.ServiceUnknown, (await stream.ReadNextAsync()).Status);
        Assert.False(watch.IsCompleted);
        service.SetStatus("later", ServingStatus.Serving);
        Assert.Equal(ServingStatus.Serving, (await stream.ReadNextAsync()).Status);
        service.ClearStatus("later");
        Assert.Equal(ServingStatus.ServiceUnknown, (await stream.ReadNextAsync()).Status);
        await cts.CancelAsync();
        await watch.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Watch_SameStatusSetAgain_SendsNothingNew()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("svc", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        var stream = new ChannelStreamWriter<HealthCheckResponse>();
        var watch = service.Watch(new HealthCheckRequest { Service = "svc" }, stream, new TestServerCallContext(cts.Token));
        await stream.ReadNextAsync();

        service.SetStatus("svc", ServingStatus.Serving);
        service.SetStatus("other", ServingStatus.NotServing);
        service.SetStatus("svc", ServingStatus.NotServing);

        // The next message is the real change: the repeat and the other service's change were not sent.
        Assert.Equal(ServingStatus.NotServing, (await stream.ReadNextAsync()).Status);
        Assert.False(stream.TryReadNext(out _));
        await cts.CancelAsync();
        await watch.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Watch_Cancelled_EndsNormallyAndUnsubscribes()
    {
        var service = new HealthServiceImpl();
        using var cts = new CancellationTokenSource();
        var stream = new ChannelStreamWriter<HealthCheckResponse>();
        var watch = service.Watch(new HealthCheckRequest(), stream, new TestServerCallContext(cts.Token));
        await stream.ReadNextAsync();
        Assert.Equal(1, service.WatcherCount(""));

        await cts.CancelAsync();
        await watch.WaitAsync(Timeout);

        Assert.Equal(0, service.WatcherCount(""));
    }

    [Fact]
    public async Task ClearAll_WatchedServices_SeeServiceUnknown()
    {
        var service = new HealthServiceImpl();
        service.SetStatus("a", ServingStatus.Serving);
        using var cts = new CancellationTokenSource();
        var stream = new ChannelStreamWriter<HealthCheckResponse>();
        var watch = service.Watch(new HealthCheckRequest { Service = "a" }, stream, new TestServerCallContext(cts.Token));
        await stream.ReadNextAsync();

        service.ClearAll();

        Assert.Equal(ServingStatus.ServiceUnknown, (await stream.ReadNextAsync()).Status);
        Assert.Null(service.GetStatus("a"));
        await cts.CancelAsync();
        await watch.WaitAsync(Timeout);
    }

    [Fact]
    public void BindService_HealthService_BindsCheckAndWatch()
    {
        var binder = new RecordingBinder();

        Health.BindService(binder);

        Assert.Equal(["Check:Unary", "Watch:ServerStreaming"], binder.Methods);
    }

    private sealed class RecordingBinder : ServiceBinderBase
    {
        public List<string> Methods { get; } = [];

        public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) => Methods.Add($"{method.Name}:{method.Type}");

        public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) => Methods.Add($"{method.Name}:{method.Type}");

        public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) => Methods.Add($"{method.Name}:{method.Type}");

        public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) => Methods.Add($"{method.Name}:{method.Type}");
    }
}
