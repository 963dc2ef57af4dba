using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>
/// Receives the methods of <typeparamref name="TService"/> from its generated BindService and maps one endpoint per
/// method, with the call handler and its invoker built here, once, instead of per call.
/// </summary>
internal sealed class GrpcServiceMethodBinder<TService> : ServiceBinderBase
    where TService : class
{
    private static readonly HttpMethodMetadata PostOnly = new([HttpMethods.Post]);

    private readonly IEndpointRouteBuilder _endpoints;
    private readonly GrpcServiceOptions _options;
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly GrpcServiceRegistry _registry;
    private readonly ServiceActivator<TService> _activator;
    private readonly InterceptorActivator[] _interceptors;

    public GrpcServiceMethodBinder(
        IEndpointRouteBuilder endpoints,
        GrpcServiceOptions options,
        Microsoft.Extensions.Logging.ILogger logger,
        TimeProvider timeProvider,
        GrpcServiceRegistry registry)
    {
        _endpoints = endpoints;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        _registry = registry;
        _activator = new ServiceActivator<TService>(endpoints.ServiceProvider);
        _interceptors = new InterceptorActivator[options.Interceptors.Count];
        for (var i = 0; i < _interceptors.Length; i++)
        {
            _interceptors[i] = new InterceptorActivator(options.Interceptors[i]);
        }
    }

    public List<IEndpointConventionBuilder> EndpointBuilders { get; } = [];

    public override void AddMethod<TBase, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TBase, TRequest, ServerCallContext, Task<TResponse>> handler)
    {
        var invoker = ServerMethodInvokers.Unary(CastHandler<TBase, Func<TService, TRequest, ServerCallContext, Task<TResponse>>>(handler), _activator, _interceptors);
        Map(method, new UnaryServerCallHandler<TRequest, TResponse>(method, Settings(method), invoker).HandleCallAsync);
    }

    public override void AddMethod<TBase, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TBase, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler)
    {
        var invoker = ServerMethodInvokers.ClientStreaming(CastHandler<TBase, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>>>(handler), _activator, _interceptors);
        Map(method, new ClientStreamingServerCallHandler<TRequest, TResponse>(method, Settings(method), invoker).HandleCallAsync);
    }

    public override void AddMethod<TBase, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TBase, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
    {
        var invoker = ServerMethodInvokers.ServerStreaming(CastHandler<TBase, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(handler), _activator, _interceptors);
        Map(method, new ServerStreamingServerCallHandler<TRequest, TResponse>(method, Settings(method), invoker).HandleCallAsync);
    }

    public override void AddMethod<TBase, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TBase, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
    {
        var invoker = ServerMethodInvokers.DuplexStreaming(CastHandler<TBase, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task>>(handler), _activator, _interceptors);
        Map(method, new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, Settings(method), invoker).HandleCallAsync);
    }

    /// <summary>
    /// The generated handler takes the generated base class; delegate variance lets it take <typeparamref name="TService"/>
    /// (which derives from it) without a wrapper.
    /// </summary>
    private static THandler CastHandler<TBase, THandler>(Delegate handler)
        where THandler : Delegate
    {
        ArgumentNullException.ThrowIfNull(handler);
        return handler as THandler
            ?? throw new InvalidOperationException($"Service '{typeof(TService)}' does not derive from '{typeof(TBase)}', whose BindService it uses.");
    }

    private ServerMethodSettings Settings(IMethod method) => new(method, _options, _logger, _timeProvider);

    private void Map(IMethod method, RequestDelegate requestDelegate)
    {
        ArgumentNullException.ThrowIfNull(method);
        _registry.AddService(method.ServiceName);
        var builder = _endpoints.Map(RoutePatternFactory.Parse(method.FullName), requestDelegate)
            .WithMetadata(PostOnly, new GrpcMethodMetadata(typeof(TService), method))
            .WithDisplayName("gRPC - " + method.FullName);
        EndpointBuilders.Add(builder);
    }
}
