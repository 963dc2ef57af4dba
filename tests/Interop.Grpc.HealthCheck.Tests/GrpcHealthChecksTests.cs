using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Tests;

public sealed class GrpcHealthChecksTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(HealthStatus.Healthy, ServingStatus.Serving)]
    [InlineData(HealthStatus.Degraded, ServingStatus.Serving)]
    [InlineData(HealthStatus.Unhealthy, ServingStatus.NotServing)]
    public async Task Publisher_Report_SetsWholeServerStatus(HealthStatus checkStatus, ServingStatus expected)
    {
        using var provider = BuildProvider();

        await PublishAsync(provider, Report(("db", checkStatus, []), ("cache", HealthStatus.Healthy, [])));

        Assert.Equal(expected, provider.GetRequiredService<HealthServiceImpl>().GetStatus(""));
    }

    [Fact]
    public async Task Publisher_MappedService_UsesOnlySelectedChecks()
    {
        using var provider = BuildProvider(o => o.MapService("interop.Orders", (_, entry) => entry.Tags.Contains("orders")));

        await PublishAsync(provider, Report(("db", HealthStatus.Unhealthy, ["orders"]), ("mail", HealthStatus.Healthy, ["mail"])));
        var health = provider.GetRequiredService<HealthServiceImpl>();

        Assert.Equal(ServingStatus.NotServing, health.GetStatus("interop.Orders"));
        Assert.Equal(ServingStatus.NotServing, health.GetStatus(""));
    }

    [Fact]
    public async Task Publisher_NoChecks_IsServing()
    {
        using var provider = BuildProvider();

        await PublishAsync(provider, Report());

        Assert.Equal(ServingStatus.Serving, provider.GetRequiredService<HealthServiceImpl>().GetStatus(""));
    }

    [Fact]
    public void AddGrpcHealthChecks_RegistersSingletonService()
    {
        using var provider = BuildProvider();

        Assert.Same(provider.GetRequiredService<HealthServiceImpl>(), provider.GetRequiredService<HealthServiceImpl>());
        Assert.Null(provider.GetRequiredService<HealthServiceImpl>().GetStatus(""));
    }

    [Fact]
    public void Options_ServiceWithoutPredicate_FailsValidationNamingIt()
    {
        using var provider = BuildProvider(o =>
        {
            o.Services["a"] = null!;
            o.Services["b"] = null!;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<GrpcHealthChecksOptions>>().Value);

        Assert.Contains("Services['a']", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Services['b']", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider BuildProvider(Action<GrpcHealthChecksOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGrpcHealthChecks(configure);
        return services.BuildServiceProvider();
    }

    private static Task PublishAsync(ServiceProvider provider, HealthReport report) =>
        Task.WhenAll(provider.GetServices<IHealthCheckPublisher>().Select(p => p.PublishAsync(report, CancellationToken.None))).WaitAsync(Timeout);

    private static HealthReport Report(params (string Name, HealthStatus Status, string[] Tags)[] entries) =>
        new(
            entries.ToDictionary(e => e.Name, e => new HealthReportEntry(e.Status, null, TimeSpan.Zero, null, null, e.Tags)),
            TimeSpan.Zero);
}
