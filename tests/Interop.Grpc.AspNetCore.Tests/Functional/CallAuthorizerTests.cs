using Google.Protobuf.WellKnownTypes;
using Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;
using Interop.Grpc.Interceptors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Interop.Grpc.AspNetCore.Tests.Functional;

/// <summary>
/// Call authorizers run after the headers are accepted and before the request is read, the interceptors or the
/// handler: a refused caller's body is never read (so neither its size nor its content matters), and an allowed call
/// goes on with what the authorizer left in UserState.
/// </summary>
public class CallAuthorizerTests
{
    [Fact]
    public async Task Refusal_ComesBeforeTheRequestIsRead_EvenWhileTheBodyIsStillOpen()
    {
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.CallAuthorizers.Add(new HeaderAuthorizer());
            o.Interceptors.Add(new RecordingInterceptor("interceptor"));
        });

        // The request body is never completed: a server that read the request first would wait forever.
        foreach (var method in new IMethod[] { TestServiceBase.EchoMethod, TestServiceBase.SplitMethod, TestServiceBase.ConcatMethod, TestServiceBase.ChatMethod })
        {
            var content = new PushContent();
            var request = GrpcWire.Request(method.FullName, content);
            request.Headers.TryAddWithoutValidation("x-allow", "no");
            content.Write(GrpcWire.RawFrame(new byte[64], compressedFlag: false)[..10]);
            var response = await server.Client.CallAsync(request).WaitAsync(GrpcTestServer.Timeout);

            response.AssertStatus(StatusCode.PermissionDenied);
            Assert.Equal("refused by the authorizer", response.Message);
            Assert.True(response.TrailersOnly);
            content.Complete();
        }

        Assert.Equal(0, server.State.HandlerCalls);
        Assert.Empty(server.State.Events);
    }

    [Fact]
    public async Task Refusal_WinsOverAnOversizedOrUnparsableRequest()
    {
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.MaxReceiveMessageSize = 16;
            o.CallAuthorizers.Add(new HeaderAuthorizer());
        });

        var oversized = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = new string('x', 100) }));
        oversized.Headers.TryAddWithoutValidation("x-allow", "no");
        (await server.Client.CallAsync(oversized)).AssertStatus(StatusCode.PermissionDenied);

        var garbage = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.RawFrame([0xFF, 0xFF, 0xFF], compressedFlag: false));
        garbage.Headers.TryAddWithoutValidation("x-allow", "no");
        (await server.Client.CallAsync(garbage)).AssertStatus(StatusCode.PermissionDenied);

        // Allowed, the same requests meet the usual checks: proof that the refusals above came first.
        var allowedOversized = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = new string('x', 100) }));
        allowedOversized.Headers.TryAddWithoutValidation("x-allow", "yes");
        (await server.Client.CallAsync(allowedOversized)).AssertStatus(StatusCode.ResourceExhausted);
        Assert.Equal(0, server.State.HandlerCalls);
    }

    [Fact]
    public async Task Allowed_RunInOrderBeforeTheInterceptors_AndTheHandlerSeesTheirUserState()
    {
        var first = new HeaderAuthorizer("first");
        var second = new HeaderAuthorizer("second");
        await using var server = await GrpcTestServer.StartAsync(o =>
        {
            o.Interceptors.Add(new RecordingInterceptor("interceptor"));
            o.CallAuthorizers.Add(first);
            o.CallAuthorizers.Add(second);
        });
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue { Value = "x" }));
        request.Headers.TryAddWithoutValidation("x-allow", "yes");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.OK);
        Assert.Equal(["first", "second"], first.Log);
        Assert.Same(first.Log, second.Log);
        Assert.Equal(["interceptor:before", "handler", "interceptor:after"], server.State.Events);
        Assert.Equal(1, server.State.HandlerCalls);
    }

    [Fact]
    public async Task Authorizer_ThrowingSomethingElse_Unknown_LikeHandlers()
    {
        await using var server = await GrpcTestServer.StartAsync(o => o.CallAuthorizers.Add(new HeaderAuthorizer()));
        server.Logs.ExpectError(5);
        var request = GrpcWire.Request(TestServiceBase.EchoMethod, GrpcWire.Frame(new StringValue()));
        request.Headers.TryAddWithoutValidation("x-allow", "crash");
        var response = await server.Client.CallAsync(request);

        response.AssertStatus(StatusCode.Unknown);
        Assert.Equal("Exception was thrown by handler.", response.Message);
        Assert.Equal(0, server.State.HandlerCalls);
    }

    [Fact]
    public async Task NullAuthorizer_FailsAtStart()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => GrpcTestServer.StartAsync(o => o.CallAuthorizers.Add(null!)));
        Assert.Contains("GrpcServiceOptions.CallAuthorizers[0] is null.", failure.Failures);
    }

    /// <summary>Allows a call with "x-allow: yes", refuses "no", throws a plain exception on "crash".</summary>
    private sealed class HeaderAuthorizer(string name = "authorizer") : IServerCallAuthorizer
    {
        public List<string> Log { get; private set; } = [];

        public ValueTask AuthorizeAsync(ServerCallContext context)
        {
            switch (context.RequestHeaders.GetValue("x-allow"))
            {
                case "yes":
                    // Authorizers share what they learned through UserState: the second finds the first's log.
                    if (context.UserState.TryGetValue("log", out var shared))
                    {
                        Log = (List<string>)shared!;
                    }
                    else
                    {
                        context.UserState["log"] = Log;
                    }

                    Log.Add(name);
                    return ValueTask.CompletedTask;
                case "crash":
                    throw new InvalidOperationException("authorizer failed");
                default:
                    throw new RpcException(new Status(StatusCode.PermissionDenied, "refused by the authorizer"));
            }
        }
    }

    private sealed class RecordingInterceptor(string name) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            var state = context.GetHttpContext().RequestServices.GetRequiredService<TestServiceState>();
            Assert.True(context.UserState.ContainsKey("log"));
            state.Events.Enqueue(name + ":before");
            var response = await continuation(request, context);
            state.Events.Enqueue(name + ":after");
            return response;
        }

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            var state = context.GetHttpContext().RequestServices.GetRequiredService<TestServiceState>();
            state.Events.Enqueue(name + ":server-streaming");
            return continuation(request, responseStream, context);
        }
    }
}
