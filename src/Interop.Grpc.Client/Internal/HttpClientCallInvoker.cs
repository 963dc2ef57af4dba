namespace Interop.Grpc.Client.Internal;

/// <summary>Starts calls on a <see cref="GrpcChannel"/> as HTTP/2 requests.</summary>
internal sealed class HttpClientCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartWithMessage(request);
        return new AsyncUnaryCall<TResponse>(GrpcCall<TRequest, TResponse>.Observed(call.GetSingleResponseAsync()), call.CreateState());
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartWithMessage(request);
        return new AsyncServerStreamingCall<TResponse>(new ResponseStreamReader<TRequest, TResponse>(call), call.CreateState());
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call),
            GrpcCall<TRequest, TResponse>.Observed(call.GetSingleResponseAsync()),
            call.CreateState());
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(channel, method, options);
        call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call),
            new ResponseStreamReader<TRequest, TResponse>(call),
            call.CreateState());
    }
}
