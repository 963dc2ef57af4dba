using System.Reflection;
using Grpc.Testing;
using Interop.Grpc.Tools.Tests.Fakes;
using Interop.Testing.Options;
using GrpcEmpty = Grpc.Testing.Empty;

namespace Interop.Grpc.Tools.Tests;

public sealed class BindServiceTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void BindService_TestService_BindsEveryMethodWithItsKind()
    {
        var binder = new RecordingServiceBinder();

        TestService.BindService(binder);

        Assert.Equal(TestService.Descriptor.Methods.Select(m => m.Name), binder.Bound.Select(b => b.Method.Name));
        Assert.All(binder.Bound, b => Assert.Equal(b.Method.Type, b.Kind));
        Assert.Same(TestService.FullDuplexCallMethod, binder.Bound.Single(b => b.Method.Name == "FullDuplexCall").Method);
    }

    [Fact]
    public void BindServiceMethodAttribute_Base_PointsAtBindService()
    {
        var attribute = typeof(TestService.TestServiceBase).GetCustomAttribute<BindServiceMethodAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal(typeof(TestService), attribute.BindType);
        Assert.NotNull(attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase)]));
    }

    [Fact]
    public async Task Handlers_EveryKind_CallServiceOverrides()
    {
        var binder = new RecordingServiceBinder();
        TestService.BindService(binder);
        var service = new RecordingTestService();
        var context = new FakeServerCallContext();

        var unary = (Func<TestService.TestServiceBase, GrpcEmpty, ServerCallContext, Task<GrpcEmpty>>)binder.HandlerOf("EmptyCall");
        var emptyResponse = await unary(service, new GrpcEmpty(), context).WaitAsync(Timeout);

        var clientStreaming = (Func<TestService.TestServiceBase, IAsyncStreamReader<StreamingInputCallRequest>, ServerCallContext, Task<StreamingInputCallResponse>>)binder.HandlerOf("StreamingInputCall");
        var inputs = new ListStreamReader<StreamingInputCallRequest>([new(), new()]);
        var aggregate = await clientStreaming(service, inputs, context).WaitAsync(Timeout);

        var serverStreaming = (Func<TestService.TestServiceBase, StreamingOutputCallRequest, IServerStreamWriter<StreamingOutputCallResponse>, ServerCallContext, Task>)binder.HandlerOf("StreamingOutputCall");
        var outputs = new ListStreamWriter<StreamingOutputCallResponse>();
        await serverStreaming(service, new StreamingOutputCallRequest(), outputs, context).WaitAsync(Timeout);

        var duplex = (Func<TestService.TestServiceBase, IAsyncStreamReader<StreamingOutputCallRequest>, IServerStreamWriter<StreamingOutputCallResponse>, ServerCallContext, Task>)binder.HandlerOf("FullDuplexCall");
        var duplexOutputs = new ListStreamWriter<StreamingOutputCallResponse>();
        await duplex(service, new ListStreamReader<StreamingOutputCallRequest>([new(), new(), new()]), duplexOutputs, context).WaitAsync(Timeout);

        Assert.NotNull(emptyResponse);
        Assert.Equal(2, aggregate.AggregatedPayloadSize);
        Assert.Single(outputs.Written);
        Assert.Equal(3, duplexOutputs.Written.Count);
        Assert.Equal(["EmptyCall", "StreamingInputCall", "StreamingOutputCall", "FullDuplexCall"], service.Calls);
    }

    [Fact]
    public async Task Handler_NotOverridden_ThrowsUnimplemented()
    {
        var binder = new RecordingServiceBinder();
        TestService.BindService(binder);
        var handler = (Func<TestService.TestServiceBase, SimpleRequest, ServerCallContext, Task<SimpleResponse>>)binder.HandlerOf("UnaryCall");

        var ex = await Assert.ThrowsAsync<RpcException>(() => handler(new RecordingTestService(), new SimpleRequest(), new FakeServerCallContext()).WaitAsync(Timeout));

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
    }

    [Fact]
    public async Task BaseMethods_EveryKind_ThrowUnimplemented()
    {
        TestService.TestServiceBase service = new EmptyTestService();
        var context = new FakeServerCallContext();
        var reader = new ListStreamReader<StreamingOutputCallRequest>([]);
        var writer = new ListStreamWriter<StreamingOutputCallResponse>();

        Func<Task>[] calls =
        [
            () => service.EmptyCall(new GrpcEmpty(), context),
            () => service.StreamingInputCall(new ListStreamReader<StreamingInputCallRequest>([]), context),
            () => service.StreamingOutputCall(new StreamingOutputCallRequest(), writer, context),
            () => service.FullDuplexCall(reader, writer, context),
        ];

        foreach (var call in calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => call().WaitAsync(Timeout));
            Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        }
    }

    [Fact]
    public void BindService_KeywordNamedService_BindsEscapedMethods()
    {
        var binder = new RecordingServiceBinder();

        @event.BindService(binder);

        Assert.Equal(
            [("lock", MethodType.Unary), ("class", MethodType.ClientStreaming), ("Base", MethodType.DuplexStreaming)],
            binder.Bound.Select(b => (b.Method.Name, b.Kind)));
    }

    private sealed class EmptyTestService : TestService.TestServiceBase;

    private sealed class RecordingTestService : TestService.TestServiceBase
    {
        public List<string> Calls { get; } = [];

        public override Task<GrpcEmpty> EmptyCall(GrpcEmpty request, ServerCallContext context)
        {
            Calls.Add(nameof(EmptyCall));
            return Task.FromResult(new GrpcEmpty());
        }

        public override async Task<StreamingInputCallResponse> StreamingInputCall(IAsyncStreamReader<StreamingInputCallRequest> requestStream, ServerCallContext context)
        {
            Calls.Add(nameof(StreamingInputCall));
            var count = 0;
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                count++;
            }

            return new StreamingInputCallResponse { AggregatedPayloadSize = count };
        }

        public override Task StreamingOutputCall(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
        {
            Calls.Add(nameof(StreamingOutputCall));
            return responseStream.WriteAsync(new StreamingOutputCallResponse());
        }

        public override async Task FullDuplexCall(IAsyncStreamReader<StreamingOutputCallRequest> requestStream, IServerStreamWriter<StreamingOutputCallResponse> responseStream, ServerCallContext context)
        {
            Calls.Add(nameof(FullDuplexCall));
            while (await requestStream.MoveNext(context.CancellationToken))
            {
                await responseStream.WriteAsync(new StreamingOutputCallResponse());
            }
        }
    }
}
