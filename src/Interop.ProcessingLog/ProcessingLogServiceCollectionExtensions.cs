using Interop.ProcessingLog.Internal;
using Interop.ProcessingLog.Storage;
using Interop.ProcessingLog.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Interop.ProcessingLog;

/// <summary>Registration of the processing log and its verifier.</summary>
public static class ProcessingLogServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteProcessingLog"/> on the file <paramref name="databasePath"/> (may be the hub's own
    /// database) as <see cref="IProcessingLog"/>, and <see cref="ProcessingLogVerifier"/>, unless already registered.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    public static IServiceCollection AddInteropProcessingLogSqlite(this IServiceCollection services, string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        services.TryAddSingleton(_ => new SqliteProcessingLog(databasePath));
        services.TryAddSingleton<IProcessingLog>(sp => sp.GetRequiredService<SqliteProcessingLog>());
        return AddVerifier(services);
    }

    /// <summary>
    /// Registers <see cref="PostgreSqlProcessingLog"/> on <paramref name="connectionString"/> as
    /// <see cref="IProcessingLog"/>, and <see cref="ProcessingLogVerifier"/>, unless already registered.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IServiceCollection AddInteropProcessingLogPostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => new PostgreSqlProcessingLog(connectionString));
        services.TryAddSingleton<IProcessingLog>(sp => sp.GetRequiredService<PostgreSqlProcessingLog>());
        return AddVerifier(services);
    }

    /// <summary>
    /// Publishes anchors of the registered <see cref="IProcessingLog"/> (<see cref="ProcessingLogAnchorOptions"/>,
    /// bound from <c>Interop:ProcessingLog:Anchors</c> and validated at start): a hosted service that, once the host
    /// has started and then every interval, verifies what was appended since its last anchor and logs (and, with a
    /// file, appends) the new head.
    /// </summary>
    public static IServiceCollection AddProcessingLogAnchors(this IServiceCollection services, Action<ProcessingLogAnchorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ProcessingLogAnchorOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(ProcessingLogAnchorOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProcessingLogAnchorOptions>, ProcessingLogAnchorOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ProcessingLogAnchorPublisher>());
        return services;
    }

    private static IServiceCollection AddVerifier(IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ProcessingLogVerifier(
            sp.GetRequiredService<IProcessingLog>(), sp.GetService<ILogger<ProcessingLogVerifier>>()));
        return services;
    }
}
