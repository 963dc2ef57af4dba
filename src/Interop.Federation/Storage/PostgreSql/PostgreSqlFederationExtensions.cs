using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Federation.Storage.PostgreSql;

/// <summary>Registration of the PostgreSQL partner registry and signing-key store.</summary>
public static class PostgreSqlFederationExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlFederationStore"/> on <paramref name="connectionString"/> as
    /// <see cref="IPartnerStore"/> and <see cref="ISigningKeyStore"/> (unless others are registered): the shared-database
    /// alternative to AddInteropFederationSqlite. The schema is migrated on first use.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty.</exception>
    public static IServiceCollection AddInteropFederationPostgreSql(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(_ => new PostgreSqlFederationStore(connectionString));
        services.TryAddSingleton<IPartnerStore>(sp => sp.GetRequiredService<PostgreSqlFederationStore>());
        services.TryAddSingleton<ISigningKeyStore>(sp => sp.GetRequiredService<PostgreSqlFederationStore>());
        return services;
    }
}
