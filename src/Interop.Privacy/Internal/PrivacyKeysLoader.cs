using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Privacy.Internal;

/// <summary>
/// Resolves the keys when the host starts, so an unreadable key file fails the start and the development-key
/// warning appears in the start-up log rather than at the first call that needs a pseudonym.
/// </summary>
internal sealed class PrivacyKeysLoader(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<SubjectPseudonymizer>();
        services.GetRequiredService<PersonalDataProtector>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
