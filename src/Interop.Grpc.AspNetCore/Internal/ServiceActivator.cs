using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// Gives each call its service instance: the one registered in DI when there is one (its lifetime is DI's business),
/// otherwise a new instance from <see cref="ActivatorUtilities"/>, disposed when the call ends. Whether the service is
/// registered and whether it needs constructor arguments is settled once, at map time: a service that needs neither
/// is created without touching HttpContext.RequestServices, which would open a DI scope for every call.
/// </summary>
internal sealed class ServiceActivator<TService>
    where TService : class
{
    private readonly IServiceProvider _rootServices;
    private readonly bool _registered;
    private readonly bool _needsRequestServices;

    // Built on first need only: a service registered in DI may have constructors ActivatorUtilities cannot choose between.
    private readonly Lazy<ObjectFactory> _factory = new(() => ActivatorUtilities.CreateFactory(typeof(TService), Type.EmptyTypes));

    public ServiceActivator(IServiceProvider rootServices)
    {
        _rootServices = rootServices;
        // Without IServiceProviderIsService (a custom container), ask the request services on every call, as before.
        _registered = rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(TService)) ?? true;
        // ActivatorUtilities may choose any public constructor; only a lone parameterless one is safe without a scope.
        _needsRequestServices = typeof(TService).GetConstructors() is not [{ } only] || only.GetParameters().Length != 0;
        DisposeAfterCall = typeof(TService).IsAssignableTo(typeof(IDisposable)) || typeof(TService).IsAssignableTo(typeof(IAsyncDisposable));
    }

    /// <summary>Whether an instance this activator creates may need disposing when the call ends.</summary>
    public bool DisposeAfterCall { get; }

    public TService Create(HttpContext httpContext, out bool created)
    {
        if (_registered && httpContext.RequestServices.GetService(typeof(TService)) is TService registered)
        {
            created = false;
            return registered;
        }

        created = true;
        return (TService)_factory.Value(_needsRequestServices ? httpContext.RequestServices : _rootServices, null);
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
