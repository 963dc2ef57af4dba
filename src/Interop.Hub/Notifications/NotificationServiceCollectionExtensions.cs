using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Notifications;

/// <summary>Registration of NotificationService.</summary>
internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notification queue and its options (section <c>Interop:Notifications</c>, validated at start).
    /// Needs <c>AddHubStorage</c> (the database, the event signal and the TimeProvider).
    /// </summary>
    public static IServiceCollection AddHubNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>());
        services.TryAddSingleton<NotificationQueue>();
        return services;
    }
}
