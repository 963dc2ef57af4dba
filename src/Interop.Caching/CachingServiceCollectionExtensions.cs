using Interop.Caching;
using Interop.Caching.Internal;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the hub's shared state.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDistributedCache"/> and <see cref="ISharedStateStore"/>: on Redis when
    /// <see cref="CachingOptions.Redis"/> is set (one <see cref="RedisConnection"/> per process), otherwise in memory.
    /// Options bind from the <c>Caching</c> configuration section, then <paramref name="configure"/> runs, and they are
    /// validated at start. Registrations already present win (TryAdd); <see cref="TimeProvider.System"/> is added if absent.
    /// </summary>
    public static IServiceCollection AddInteropCaching(this IServiceCollection services, Action<CachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Bound from IConfiguration when the container has one (every host does), so a bare ServiceCollection works too.
        var options = services.AddOptions<CachingOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(CachingOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new RedisConnection(
            RedisConfiguration(sp) ?? throw new InvalidOperationException(
                $"{nameof(RedisConnection)} needs {CachingOptions.SectionName}:{nameof(CachingOptions.Redis)} to be set."),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<RedisConnection>>()));

        services.TryAddSingleton<IDistributedCache>(sp => RedisConfiguration(sp) is null
            ? new MemoryDistributedCache(Options.Options.Create(new MemoryDistributedCacheOptions()), sp.GetService<ILoggerFactory>() ?? Logging.Abstractions.NullLoggerFactory.Instance)
            : new RedisDistributedCache(sp.GetRequiredService<RedisConnection>(), InstanceName(sp), sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<ISharedStateStore>(sp => RedisConfiguration(sp) is null
            ? new InMemorySharedStateStore(sp.GetRequiredService<TimeProvider>())
            : new RedisSharedStateStore(sp.GetRequiredService<RedisConnection>(), InstanceName(sp)));

        return services;
    }

    private static string? RedisConfiguration(IServiceProvider sp) => sp.GetRequiredService<IOptions<CachingOptions>>().Value.Redis;

    private static string InstanceName(IServiceProvider sp) => sp.GetRequiredService<IOptions<CachingOptions>>().Value.InstanceName;
}
