using Interop.Privacy;
using Interop.Privacy.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the hub's data protection.</summary>
public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SubjectPseudonymizer"/> and <see cref="PersonalDataProtector"/> as singletons over the keys
    /// of <see cref="PrivacyOptions"/>. Options bind from the <c>Interop:Privacy</c> configuration section, then
    /// <paramref name="configure"/> runs, and they are validated at start. The keys are loaded at start too (in a
    /// hosted service), so a development key is generated and its warning logged when the host starts, not at the
    /// first call. Registrations already present win (TryAdd).
    /// </summary>
    public static IServiceCollection AddInteropPrivacy(this IServiceCollection services, Action<PrivacyOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Bound from IConfiguration when the container has one (every host does), so a bare ServiceCollection works too.
        var options = services.AddOptions<PrivacyOptions>()
            .Configure<IServiceProvider>((o, sp) => sp.GetService<IConfiguration>()?.GetSection(PrivacyOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyOptions>, PrivacyOptionsValidator>());
        services.AddLogging();

        services.TryAddSingleton<PrivacyKeys>();
        services.TryAddSingleton(sp =>
        {
            var keys = sp.GetRequiredService<PrivacyKeys>();
            return new SubjectPseudonymizer(keys.PseudonymKey, keys.PseudonymKeyVersion);
        });
        services.TryAddSingleton(sp =>
        {
            var keys = sp.GetRequiredService<PrivacyKeys>();
            return new PersonalDataProtector(keys.CurrentEncryptionKeyId, keys.EncryptionKeys);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PrivacyKeysLoader>());
        return services;
    }
}
