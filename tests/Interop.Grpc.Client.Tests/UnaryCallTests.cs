using System.Net;
using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests;

public class UnaryCallTests
{
    private static readonly TimeSpan Timeout = TestMethods.Timeout;

    [Fact]
    public async Task Unary_Success_ReturnsResponseAndSendsGrpcRequest()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong"), configure: r => r.Headers.TryAddWithoutValidation("x-reply", "yes")));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        var response = await call.ResponseAsync.WaitAsync(Timeout);

        Assert.Equal("pong", response);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal("yes", (await call.ResponseHeadersAsync.WaitAsync(Timeout)).GetValue("x-reply"));
        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(HttpVersion.Version20, request.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, request.VersionPolicy);
        Assert.Equal("/test.Tester/Unary", request.RequestUri!.AbsolutePath);
        Assert.Equal("trailers", Assert.Single(request.Headers.GetValues("te")));
        Assert.Equal("application/grpc", Assert.Single(request.Content!.Headers.GetValues("Content-Type")));
        Assert.StartsWith("grpc-dotnet-interop/", Assert.Single(request.Headers.NonValidated["user-agent"]));
        Assert.Equal("identity,gzip", Assert.Single(request.Headers.GetValues("grpc-accept-encoding")));
        Assert.False(request.Headers.Contains("grpc-timeout"));
        Assert.Null(Assert.Single(handler.DeclaredContentLengths));
        Assert.Equal(Frames.Message("ping"), body);
    }

    [Fact]
    public async Task Unary_ErrorStatusInTrailers_ThrowsRpcExceptionWithTrailers()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse([], status: "5", message: "no such thing",
            configure: r => r.TrailingHeaders.TryAddWithoutValidation("x-why", "gone")));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Equal("no such thing", ex.Status.Detail);
        Assert.Equal("gone", ex.Trailers.GetValue("x-why"));
        Assert.Equal("gone", call.GetTrailers().GetValue("x-why"));
        Assert.Equal(StatusCode.NotFound, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Unary_ErrorStatusWithMessageBody_StatusWins()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong"), status: "7", message: "denied"));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_TrailersOnly_ReadsStatusFromHeaders()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.TrailersOnly("12", "Method not found: test.Tester/Unary"));
        using var channel = TestChannel.Create(handler);

        using var call = channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping");
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("Method not found: test.Tester/Unary", ex.Status.Detail);
        Assert.Equal(StatusCode.Unimplemented, call.GetStatus().StatusCode);
    }

    [Theory]
    [InlineData("caf%C3%A9 %25 done", "café % done")]
    [InlineData("plain text", "plain text")]
    [InlineData("bad %zz and %4", "bad %zz and %4")]
    [InlineData("%E2%9C%93 %0A", "✓ \n")]
    [InlineData("invalid utf8 %FF", "invalid utf8 \uFFFD")]
    public async Task Unary_GrpcMessage_IsPercentDecodedLeniently(string wire, string expected)
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse([], status: "3", message: wire));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(expected, ex.Status.Detail);
    }

    [Theory]
    [InlineData("AQID")]
    [InlineData("AQIDBA")]
    [InlineData("AQIDBA==")]
    public async Task Unary_BinaryTrailer_DecodesPaddedAndUnpadded(string wire)
    {
        var expected = Convert.FromBase64String(wire.PadRight((wire.Length + 3) / 4 * 4, '='));
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse([], status: "9", configure: r =>
        {
            r.TrailingHeaders.TryAddWithoutValidation("grpc-status-details-bin", wire);
            r.TrailingHeaders.TryAddWithoutValidation("x-data-bin", wire + ",AQ");
        }));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(expected, ex.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal([expected, [1]], ex.Trailers.GetAll("x-data-bin").Select(e => e.ValueBytes).ToArray());
    }

    [Fact]
    public async Task Unary_NoMessage_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse([]));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_TrailersOnlyOk_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.TrailersOnly("0"));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_TwoMessages_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Concat(Frames.Message("a"), Frames.Message("b"))));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_MissingGrpcStatusOnHttp200_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong"), configure: r => r.TrailingHeaders.Clear()));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_TruncatedMessage_ThrowsInternal()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")[..6]));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public async Task Unary_CustomMetadata_SentWithBinaryBase64Unpadded()
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var headers = new Metadata { { "x-user", "alice" }, { "x-blob-bin", new byte[] { 1, 2, 3, 4 } } };

        await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "ping").ResponseAsync.WaitAsync(Timeout);

        var request = Assert.Single(handler.Requests).Request;
        Assert.Equal("alice", Assert.Single(request.Headers.GetValues("x-user")));
        Assert.Equal("AQIDBA", Assert.Single(request.Headers.GetValues("x-blob-bin")));
    }

    [Theory]
    [InlineData("grpc-timeout")]
    [InlineData("grpc-status")]
    [InlineData("content-type")]
    [InlineData("te")]
    [InlineData("user-agent")]
    [InlineData("connection")]
    public void Unary_ReservedHeader_RefusedBeforeSending(string key)
    {
        var handler = FakeHandler.Returning(() => FakeHandler.GrpcResponse(Frames.Message("pong")));
        using var channel = TestChannel.Create(handler);
        var headers = new Metadata { { key, "1" } };

        Assert.Throws<ArgumentException>(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(headers), "ping"));

        Assert.Equal(0, handler.RequestCount);
    }

    [Fact]
    public async Task Unary_TransportFailure_ThrowsUnavailableWithDebugException()
    {
        var failure = new HttpRequestException("Connection refused", new System.Net.Sockets.SocketException(111));
        var handler = new FakeHandler((_, _, _) => Task.FromException<HttpResponseMessage>(failure));
        using var channel = TestChannel.Create(handler);

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Same(failure, ex.Status.DebugException);
    }

    [Fact]
    public async Task Unary_UnusedPort_ThrowsUnavailable()
    {
        // A real connection attempt to a loopback port nobody listens on: refused at once. The port stays bound (but
        // not listening) by this test while it runs, so no test running in parallel can start listening on it.
        using var holder = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

        var ex = await TestChannel.ThrowsRpcAsync(() => channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, new CallOptions(), "ping").ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.NotNull(ex.Status.DebugException);
    }
}
