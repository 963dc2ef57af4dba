using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Tests.Functional;

public sealed class HealthFunctionalTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Check_OverHttp2_ReturnsStatusOrNotFound()
    {
        await using var server = await HealthServer.StartAsync();
        server.Health.SetStatus("", ServingStatus.Serving);
        var client = new Health.HealthClient(server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Timeout);
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.CheckAsync(new HealthCheckRequest { Service = "nope" }).ResponseAsync.WaitAsync(Timeout));

        Assert.Equal(ServingStatus.Serving, response.Status);
        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Watch_OverHttp2_StreamsCurrentStatusThenChanges()
    {
        await using var server = await HealthServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);
        using var cts = new CancellationTokenSource();

        using var call = client.Watch(new HealthCheckRequest { Service = "svc" }, cancellationToken: cts.Token);

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);
        server.Health.SetStatus("svc", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);
        server.Health.SetStatus("svc", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task Check_RightAfterStartWithNoChecksRegistered_Serving()
    {
        await using var server = await HealthServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_RightAfterStartWithUnhealthyCheck_NotServing()
    {
        await using var server = await HealthServer.StartAsync(checks => checks.AddCheck("database", () => HealthCheckResult.Unhealthy("down")));
        var client = new Health.HealthClient(server.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest()).ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Watch_ApplicationStopping_StreamsNotServing()
    {
        await using var server = await HealthServer.StartAsync();
        var client = new Health.HealthClient(server.Channel);
        using var cts = new CancellationTokenSource();
        using var call = client.Watch(new HealthCheckRequest(), cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        server.Lifetime.StopApplication();

        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        await cts.CancelAsync();
    }
}
