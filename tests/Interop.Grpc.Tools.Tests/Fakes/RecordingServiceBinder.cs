namespace Interop.Grpc.Tools.Tests.Fakes;

/// <summary>Records what a generated BindService registers: the method, the overload (call kind) and the handler.</summary>
public sealed class RecordingServiceBinder : ServiceBinderBase
{
    public List<(IMethod Method, MethodType Kind, Delegate Handler)> Bound { get; } = [];

    public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) =>
        Bound.Add((method, MethodType.Unary, handler));

    public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) =>
        Bound.Add((method, MethodType.ClientStreaming, handler));

    public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) =>
        Bound.Add((method, MethodType.ServerStreaming, handler));

    public override void AddMethod<TService, TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) =>
        Bound.Add((method, MethodType.DuplexStreaming, handler));

    public Delegate HandlerOf(string name) => Bound.Single(b => b.Method.Name == name).Handler;
}
