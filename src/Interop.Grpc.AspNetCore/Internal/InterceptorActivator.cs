using Interop.Grpc.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>Resolves one registered interceptor for a call: the shared instance, the DI registration, or a new instance.</summary>
internal sealed class InterceptorActivator
{
    private readonly Interceptor? _instance;
    private readonly Type _type;
    private readonly ObjectFactory? _factory;

    public InterceptorActivator(InterceptorRegistration registration)
    {
        _instance = registration.Instance;
        _type = registration.Type;
        _factory = _instance is null ? ActivatorUtilities.CreateFactory(_type, Type.EmptyTypes) : null;
    }

    public Interceptor Resolve(ServerCallContext context)
    {
        if (_instance is not null)
        {
            return _instance;
        }

        var httpContext = context.GetHttpContext();
        if (httpContext.RequestServices.GetService(_type) is Interceptor registered)
        {
            return registered;
        }

        var created = (Interceptor)_factory!(httpContext.RequestServices, null);
        RegisterForDispose(httpContext.Response, created);
        return created;
    }

    private static void RegisterForDispose(HttpResponse response, Interceptor created)
    {
        if (created is IAsyncDisposable asyncDisposable)
        {
            response.RegisterForDisposeAsync(asyncDisposable);
        }
        else if (created is IDisposable disposable)
        {
            response.RegisterForDispose(disposable);
        }
    }
}
