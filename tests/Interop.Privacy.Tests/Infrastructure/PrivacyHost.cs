using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.Privacy.Tests.Infrastructure;

/// <summary>A container with AddInteropPrivacy over in-memory configuration, and the start-up validation a host runs.</summary>
internal static class PrivacyHost
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, CollectingLoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b =>
        {
            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddInteropPrivacy();
        return services.BuildServiceProvider();
    }

    /// <summary>Runs what ValidateOnStart registers, as the host does at start.</summary>
    public static void ValidateOnStart(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    public static OptionsValidationException ValidationFailure(IDictionary<string, string?> settings)
    {
        using var provider = Build(settings);
        return Assert.Throws<OptionsValidationException>(() => ValidateOnStart(provider));
    }
}
