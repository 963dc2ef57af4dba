using Interop.Federation.Storage.PostgreSql;
using Interop.Federation.TokenService;
using Interop.Hub.Notifications;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Subjects;
using Interop.ProcessingLog;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Storage;

/// <summary>Registers every store of the hub on the configured provider (<c>Interop:Storage:Provider</c>).</summary>
internal static class HubStorageServiceCollectionExtensions
{
    /// <summary>
    /// SQLite (default): the registry, the processing log and the cases in one file (<c>Interop:Federation:DatabasePath</c>).
    /// PostgreSql: all of them in the database of <c>Interop:Storage:ConnectionString</c>, shared by every node.
    /// </summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HubStorageOptions.SectionName).Get<HubStorageOptions>() ?? new HubStorageOptions();
        services.AddOptions<HubStorageOptions>().Bind(configuration.GetSection(HubStorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HubStorageOptions>, HubStorageOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HubEventSignal>();
        services.AddSingleton<IHubEventSignal>(sp => sp.GetRequiredService<HubEventSignal>());
        services.AddSingleton<SubjectDirectory>();
        services.AddSingleton<PartnerLookup>();

        if (options.Provider == HubStorageProvider.PostgreSql && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var connectionString = options.ConnectionString;
            services.AddInteropFederationPostgreSql(connectionString);
            services.AddInteropProcessingLogPostgreSql(connectionString);
            services.AddSingleton<HubDatabase>(sp => new PostgreSqlHubDatabase(
                connectionString,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IHubEventSignal>(),
                sp.GetRequiredService<ILogger<PostgreSqlHubDatabase>>(),
                options.MaxWriteBatch));
        }
        else
        {
            var path = SqliteDatabasePath.ResolvePath(configuration);
            services.AddInteropFederationSqlite(path);
            services.AddInteropProcessingLogSqlite(path);
            services.AddSingleton<HubDatabase>(sp => new SqliteHubDatabase(
                path,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IHubEventSignal>(),
                sp.GetRequiredService<ILogger<SqliteHubDatabase>>(),
                options.MaxWriteBatch,
                options.SqliteSynchronous));
        }

        services.AddSingleton<IHubDatabase>(sp => sp.GetRequiredService<HubDatabase>());
        services.AddHostedService<HubStorageMigration>();
        return services;
    }
}
