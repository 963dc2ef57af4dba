using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interop.Hub.Inzage;

/// <summary>Registration of ProcessingLogService (inzage).</summary>
internal static class InzageServiceCollectionExtensions
{
    /// <summary>Registers request validation and record mapping. Needs <c>AddHubStorage</c> (the log, the database, subjects, partners).</summary>
    public static IServiceCollection AddHubInzage(this IServiceCollection services)
    {
        services.TryAddSingleton<InzageRequestValidation>();
        services.TryAddSingleton<InzageRecordMapping>();
        return services;
    }
}
