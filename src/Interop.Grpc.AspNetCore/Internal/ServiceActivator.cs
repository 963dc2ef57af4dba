using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// Gives each call its service instance: the one registered in the request services when there is one (its lifetime
/// is DI's business), otherwise a new instance from <see cref="ActivatorUtilities"/>, disposed when the call ends.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    // Built on first need only: a service registered in DI may have constructors ActivatorUtilities cannot choose between.
    private readonly Lazy<ObjectFactory> _factory = new(() => ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes));

    public TService Create(IServiceProvider services, out bool created)
    {
        if (services.GetService(typeof(TService)) is TService registered)
        {
            created = false;
            return registered;
        }

        created = true;
        return (TService)_factory.Value(services, null);
    }

    public static ValueTask ReleaseAsync(TService service, bool created)
    {
        if (!created)
        {
            return default;
        }

        if (service is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (service as IDisposable)?.Dispose();
        return default;
    }
}
