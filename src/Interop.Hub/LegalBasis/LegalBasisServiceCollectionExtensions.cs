using Microsoft.Extensions.Options;

namespace Interop.Hub.LegalBasis;

/// <summary>Registers the purpose register and the legal-basis resolver.</summary>
internal static class LegalBasisServiceCollectionExtensions
{
    /// <summary>Binds <c>Interop:LegalBasis</c> (validated at start) and registers <see cref="PurposeRegister"/> and <see cref="ILegalBasisResolver"/>.</summary>
    public static IServiceCollection AddHubLegalBasis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LegalBasisOptions>().Bind(configuration.GetSection(LegalBasisOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LegalBasisOptions>, LegalBasisOptionsValidator>();
        services.AddSingleton<PurposeRegister>();
        services.AddSingleton<LegalBasisResolver>();
        services.AddSingleton<ILegalBasisResolver>(sp => sp.GetRequiredService<LegalBasisResolver>());
        return services;
    }
}
