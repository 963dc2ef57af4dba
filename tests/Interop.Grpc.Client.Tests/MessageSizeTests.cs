using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

public class MessageSizeTests
{
    [Fact]
    public async Task Receive_OverLimit_ThrowsResourceExhausted()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message(new string('x', 101))));
        using var channel = TestChannel.Create(handler, o => o.MaxReceiveMessageSize = 100);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Receive_AtLimit_Succeeds()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message(new string('x', 100))));
        using var channel = TestChannel.Create(handler, o => o.MaxReceiveMessageSize = 100);

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(TestMethods.Timeout);

        Assert.Equal(100, response.Length);
    }

    [Fact]
    public async Task Receive_CompressedInflatesOverLimit_ThrowsResourceExhausted()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(
            Frames.Message(new string('x', 10_000), compress: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "gzip")));
        using var channel = TestChannel.Create(handler, o => o.MaxReceiveMessageSize = 1000);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Send_OverLimit_ThrowsResourceExhaustedWithoutSending()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler, o => o.MaxSendMessageSize = 10);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), new string('x', 11)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal(0, handler.RequestCount);
    }

    [Fact]
    public async Task Send_StreamingOverLimit_ThrowsResourceExhausted()
    {
        var handler = new FakeHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var channel = TestChannel.Create(handler, o => o.MaxSendMessageSize = 10);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions());
        await call.RequestStream.WriteAsync("small").WaitAsync(TestMethods.Timeout);
        var ex = await TestChannel.ThrowsRpcAsync(() => call.RequestStream.WriteAsync(new string('x', 11)));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal(StatusCode.ResourceExhausted, (await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync)).StatusCode);
    }
}
