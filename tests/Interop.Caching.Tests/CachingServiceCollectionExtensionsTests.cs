using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Caching.Tests;

public sealed class CachingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddInteropCaching_NoRedis_RegistersInMemoryDefaults()
    {
        using var provider = new ServiceCollection().AddInteropCaching().BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<MemoryDistributedCache>(provider.GetRequiredService<IDistributedCache>());
        Assert.IsType<InMemorySharedStateStore>(provider.GetRequiredService<ISharedStateStore>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal("interop:", provider.GetRequiredService<IOptions<CachingOptions>>().Value.InstanceName);
    }

    [Fact]
    public void AddInteropCaching_RedisInConfiguration_RegistersRedisOnOneConnection()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Redis"] = "127.0.0.1:1", ["Caching:InstanceName"] = "hub:" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        using var provider = services.AddInteropCaching().BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.IsType<RedisDistributedCache>(provider.GetRequiredService<IDistributedCache>());
        Assert.IsType<RedisSharedStateStore>(provider.GetRequiredService<ISharedStateStore>());
        Assert.Same(provider.GetRequiredService<RedisConnection>(), provider.GetRequiredService<RedisConnection>());
        Assert.Equal("hub:", provider.GetRequiredService<IOptions<CachingOptions>>().Value.InstanceName);
    }

    [Fact]
    public void AddInteropCaching_ConfigureDelegate_OverridesConfiguration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Caching:Redis"] = "127.0.0.1:1" })
            .Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddInteropCaching(o => o.Redis = null)
            .BuildServiceProvider();

        Assert.IsType<InMemorySharedStateStore>(provider.GetRequiredService<ISharedStateStore>());
    }

    [Fact]
    public void AddInteropCaching_MalformedRedis_FailsAtStartNamingSetting()
    {
        using var provider = new ServiceCollection()
            .AddInteropCaching(o => o.Redis = "127.0.0.1:6379,bogusOption=1,password=secret")
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Caching:Redis", ex.Message);
        Assert.DoesNotContain("secret", ex.Message);
    }

    [Fact]
    public void AddInteropCaching_EveryBadSetting_ReportedAtOnce()
    {
        using var provider = new ServiceCollection()
            .AddInteropCaching(o =>
            {
                o.Redis = ",,";
                o.InstanceName = null!;
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("Caching:Redis", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Caching:InstanceName", StringComparison.Ordinal));
    }

    [Fact]
    public void AddInteropCaching_ExistingRegistrations_AreKept()
    {
        var time = new FakeTimeProvider();
        var store = new InMemorySharedStateStore(time);
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ISharedStateStore>(store)
            .AddInteropCaching()
            .BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
        Assert.Same(store, provider.GetRequiredService<ISharedStateStore>());
    }
}
