using System.Text;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

/// <summary>grpc/doc/compression.md.</summary>
public class CompressionTests
{
    private static readonly TimeSpan Timeout = TestMethods.Timeout;
    private static readonly string Big = new('a', 2000);

    private static Metadata GzipRequests() => new() { { "grpc-internal-encoding-request", "gzip" } };

    [Fact]
    public async Task Unary_RequestCompressionOptIn_SendsGzipAndStripsInternalHeader()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(GzipRequests()), Big).ResponseAsync.WaitAsync(Timeout);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("gzip", Assert.Single(request.Headers.GetValues("grpc-encoding")));
        Assert.False(request.Headers.Contains("grpc-internal-encoding-request"));
        Assert.Equal(1, body[0]);
        Assert.Equal([0x1f, 0x8b], body[5..7]);
        Assert.Equal((true, Big), Assert.Single(Frames.Parse(body)));
    }

    [Fact]
    public async Task Unary_NoCompressFlag_SendsUncompressedUnderGzipEncoding()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var options = new CallOptions(GzipRequests(), writeOptions: new WriteOptions(WriteFlags.NoCompress));

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, options, Big).ResponseAsync.WaitAsync(Timeout);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("gzip", Assert.Single(request.Headers.GetValues("grpc-encoding")));
        Assert.Equal((false, Big), Assert.Single(Frames.Parse(body)));
    }

    [Fact]
    public async Task Unary_NoOptIn_SendsNoGrpcEncoding()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), Big).ResponseAsync.WaitAsync(Timeout);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.False(request.Headers.Contains("grpc-encoding"));
        Assert.Equal((false, Big), Assert.Single(Frames.Parse(body)));
    }

    [Fact]
    public async Task ClientStreaming_CompressionPerMessage_FollowsWriteOptions()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("done")));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncClientStreamingCall(TestMethods.ClientStreaming, null, new CallOptions(GzipRequests()));
        await call.RequestStream.WriteAsync("first").WaitAsync(Timeout);
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.NoCompress);
        await call.RequestStream.WriteAsync("second").WaitAsync(Timeout);
        call.RequestStream.WriteOptions = null;
        await call.RequestStream.WriteAsync("third").WaitAsync(Timeout);
        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);
        await call.ResponseAsync.WaitAsync(Timeout);

        var body = Assert.Single(handler.Requests).Body;
        Assert.Equal([(true, "first"), (false, "second"), (true, "third")], Frames.Parse(body));
    }

    [Fact]
    public void Unary_UnsupportedRequestEncoding_Refused()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var headers = new Metadata { { "grpc-internal-encoding-request", "br" } };

        Assert.Throws<ArgumentException>(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "ping"));
        Assert.Equal(0, handler.RequestCount);
    }

    [Fact]
    public async Task Unary_CompressedResponse_IsDecoded()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(
            Frames.Message(Big, compress: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "gzip")));
        using var channel = TestChannel.Create(handler);

        var response = await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync.WaitAsync(Timeout);

        Assert.Equal(Big, response);
    }

    [Fact]
    public async Task Unary_UnknownResponseEncoding_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(
            Frames.Frame(Encoding.UTF8.GetBytes("zzzz"), compressedFlag: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "snappy")));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
        Assert.Contains("snappy", ex.Status.Detail);
    }

    [Fact]
    public async Task Unary_CompressedMessageWithoutGrpcEncoding_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong", compress: true)));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_CorruptGzipResponse_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(
            Frames.Frame(Frames.Gzip(Encoding.UTF8.GetBytes(Big))[..20], compressedFlag: true),
            configure: r => r.Headers.TryAddWithoutValidation("grpc-encoding", "gzip")));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }
}
