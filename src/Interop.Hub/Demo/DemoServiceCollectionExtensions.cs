using Interop.Hub.Storage;

namespace Interop.Hub.Demo;

/// <summary>Registration of the demo region seed.</summary>
internal static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="DemoRegionSeeder"/> (it does nothing unless <c>Interop:Demo:SeedWhenEmpty</c> is true). Call after
    /// <c>AddHubStorage</c>, so the seed runs after the storage migration.
    /// </summary>
    public static IServiceCollection AddHubDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.KeyDirectory))
                {
                    options.KeyDirectory = Path.Combine(Path.GetDirectoryName(SqliteDatabasePath.ResolvePath(configuration))!, "demo-keys");
                }
            });
        services.AddHostedService<DemoRegionSeeder>();
        return services;
    }
}
