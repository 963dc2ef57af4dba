namespace Interop.Grpc.Tools.Tests.Fakes;

/// <summary>Records the call a generated client starts and hands back inert call objects.</summary>
public sealed class RecordingCallInvoker : CallInvoker
{
    public string? Kind { get; private set; }

    public IMethod? Method { get; private set; }

    public string? Host { get; private set; }

    public CallOptions Options { get; private set; }

    public object? Request { get; private set; }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(nameof(AsyncUnaryCall), method, host, options, request);
        return new AsyncUnaryCall<TResponse>(Task.FromResult(default(TResponse)!), State());
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(nameof(AsyncServerStreamingCall), method, host, options, request);
        return new AsyncServerStreamingCall<TResponse>(new ListStreamReader<TResponse>([]), State());
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Record(nameof(AsyncClientStreamingCall), method, host, options, null);
        return new AsyncClientStreamingCall<TRequest, TResponse>(new ListStreamWriter<TRequest>(), Task.FromResult(default(TResponse)!), State());
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        Record(nameof(AsyncDuplexStreamingCall), method, host, options, null);
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(new ListStreamWriter<TRequest>(), new ListStreamReader<TResponse>([]), State());
    }

    private void Record(string kind, IMethod method, string? host, CallOptions options, object? request)
    {
        Kind = kind;
        Method = method;
        Host = host;
        Options = options;
        Request = request;
    }

    private static AsyncCallState State() =>
        new(Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => new Metadata(), () => { });
}
