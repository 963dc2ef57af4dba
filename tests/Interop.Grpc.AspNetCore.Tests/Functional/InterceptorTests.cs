using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Interop.Grpc.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

public class InterceptorTests
{
    [Fact]
    public async Task Interceptors_RunInRegistrationOrder()
    {
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.Interceptors.Add<FirstInterceptor>();
            o.Interceptors.Add(new RecordingInterceptor("second"));
        });
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = "x" })));

        response.AssertStatus(StatusCode.OK);
        Assert.Equal(["first:before", "second:before", "handler", "second:after", "first:after"], server.State.Events);
    }

    [Fact]
    public async Task Interceptors_WrapStreamingCalls()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<FirstInterceptor>());
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.SplitMethod, GrpcWire.Frame(new StringValue { Value = "a,b" })));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(["first:server-streaming"], server.State.Events);

        var duplex = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ChatMethod, GrpcWire.Frame(new StringValue { Value = "a" })));
        duplex.AssertStatus(StatusCode.OK);
        var clientStreaming = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.ConcatMethod, GrpcWire.Frame(new StringValue { Value = "a" })));
        clientStreaming.AssertStatus(StatusCode.OK);
        Assert.Equal(["first:server-streaming", "first:duplex", "first:client-streaming"], server.State.Events);
    }

    [Fact]
    public async Task Interceptor_ShortCircuits_HandlerNotCalled()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<DenyInterceptor>());
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("x-deny", "yes");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.PermissionDenied);
        Assert.True(response.TrailersOnly);
        Assert.Equal(0, server.State.HandlerCalls);
    }

    [Fact]
    public async Task Interceptor_Throws_MappedToUnknownLikeHandlers()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.Interceptors.Add<DenyInterceptor>());
        server.Logs.ExpectError(5);
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("x-deny", "crash");
        var response = await server.Client.CallAsync(request);
        response.AssertStatus(StatusCode.Unknown);
        Assert.Equal("Exception was thrown by handler.", response.Message);
    }

    [Fact]
    public async Task Interceptor_RegisteredInDi_IsResolvedFromServices()
    {
        var instance = new RecordingInterceptor("di");
        await using var server = await GrpcTestServer.StartAsync(
            o => o.Interceptors.Add<RecordingInterceptor>(),
            services => services.AddSingleton(instance));
        var response = await server.Client.CallAsync(GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue())));
        response.AssertStatus(StatusCode.OK);
        Assert.Equal(1, instance.Calls);
    }

    public sealed class FirstInterceptor(TestServiceState state) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            state.Events.Enqueue("first:before");
            var response = await continuation(request, context);
            state.Events.Enqueue("first:after");
            return response;
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            state.Events.Enqueue("first:server-streaming");
            return continuation(request, responseStream, context);
        }

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            state.Events.Enqueue("first:client-streaming");
            return continuation(requestStream, context);
        }

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            state.Events.Enqueue("first:duplex");
            return continuation(requestStream, responseStream, context);
        }
    }

    public sealed class RecordingInterceptor(string name) : Interceptor
    {
        public int Calls;

        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Interlocked.Increment(ref Calls);
            var state = context.GetHttpContext().RequestServices.GetRequiredService<TestServiceState>();
            state.Events.Enqueue(name + ":before");
            var response = await continuation(request, context);
            state.Events.Enqueue(name + ":after");
            return response;
        }
    }

    public sealed class DenyInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            context.RequestHeaders.GetValue("x-deny") switch
            {
                "yes" => throw new RpcException(new Status(StatusCode.PermissionDenied, "denied")),
                "crash" => throw new InvalidOperationException("interceptor bug"),
                _ => continuation(request, context),
            };
    }
}
