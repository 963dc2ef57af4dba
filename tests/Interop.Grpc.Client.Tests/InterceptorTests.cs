using Interop.Grpc.Client.Tests.TestInfrastructure;
using Interop.Grpc.Interceptors;

namespace Interop.Grpc.Client.Tests;

public class InterceptorTests
{
    private sealed class RecordingInterceptor(string name, List<string> log) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            log.Add(name + ":before");
            var headers = context.Options.Headers ?? new Metadata();
            headers.Add("x-trace", name);
            var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
            log.Add(name + ":after");
            return call;
        }
    }

    [Fact]
    public async Task Intercept_SeveralInterceptors_FirstIsOutermost()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var log = new List<string>();

        var invoker = channel.Intercept(new RecordingInterceptor("a", log), new RecordingInterceptor("b", log));
        await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Equal(["a:before", "b:before", "b:after", "a:after"], log);
        Assert.Equal(["a", "b"], Assert.Single(handler.Requests).Request.Headers.GetValues("x-trace"));
    }

    [Fact]
    public async Task Intercept_ChannelOptionsInterceptors_AppliedToEveryInvoker()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        var log = new List<string>();
        using var channel = TestChannel.Create(handler, o => o.Interceptors.Add(new RecordingInterceptor("opt", log)));

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Equal(["opt:before", "opt:after"], log);
    }

    [Fact]
    public async Task Intercept_HeadersFunction_InjectsTokenWithoutChangingCallerMetadata()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var callerHeaders = new Metadata { { "x-user", "alice" } };

        var invoker = channel.Intercept(headers =>
        {
            headers.Add("authorization", "Bearer token-1");
            return headers;
        });
        await invoker.AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(callerHeaders), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("Bearer token-1", Assert.Single(request.Headers.GetValues("authorization")));
        Assert.Equal("alice", Assert.Single(request.Headers.GetValues("x-user")));
        Assert.Single(callerHeaders);
    }
}
