using Interop.Grpc.Client.Tests.TestInfrastructure;

namespace Interop.Grpc.Client.Tests.Functional;

/// <summary>The client over real HTTP/2 (SocketsHttpHandler, h2c) against a hand-coded Kestrel endpoint.</summary>
public sealed class KestrelFunctionalTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TestMethods.Timeout;
    private HandCodedGrpcServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await HandCodedGrpcServer.StartAsync().WaitAsync(Timeout);
        _channel = GrpcChannel.ForAddress(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync().AsTask().WaitAsync(Timeout);
    }

    private static Method<string, string> Method(MethodType type, string name) =>
        new(type, "test.Tester", name, StringMarshaller.Instance, StringMarshaller.Instance);

    [Fact]
    public async Task Unary_OverH2c_ReturnsResponseHeadersAndStatus()
    {
        var headers = new Metadata { { "x-user", "alice" } };

        using var call = _channel.CreateCallInvoker().AsyncUnaryCall(Method(MethodType.Unary, "Unary"), null, new CallOptions(headers), "hi");
        var response = await call.ResponseAsync.WaitAsync(Timeout);

        Assert.Equal("echo:hi", response);
        Assert.Equal("alice", (await call.ResponseHeadersAsync.WaitAsync(Timeout)).GetValue("x-user-echo"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Unary_ErrorInTrailers_ThrowsWithDecodedMessageAndBinaryTrailer()
    {
        var ex = await TestChannel.ThrowsRpcAsync(() => _channel.CreateCallInvoker().AsyncUnaryCall(Method(MethodType.Unary, "Fail"), null, new CallOptions(), "hi").ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal("bad é", ex.Status.Detail);
        Assert.Equal(new byte[] { 1, 2, 3 }, ex.Trailers.GetValueBytes("x-detail-bin"));
    }

    [Fact]
    public async Task Unary_UnknownMethod_TrailersOnlyUnimplemented()
    {
        var ex = await TestChannel.ThrowsRpcAsync(() => _channel.CreateCallInvoker().AsyncUnaryCall(Method(MethodType.Unary, "Nope"), null, new CallOptions(), "hi").ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, ex.StatusCode);
        Assert.Equal("Method not found", ex.Status.Detail);
    }

    [Fact]
    public async Task ServerStreaming_OverH2c_ReadsEveryMessage()
    {
        using var call = _channel.CreateCallInvoker().AsyncServerStreamingCall(Method(MethodType.ServerStreaming, "ServerStreaming"), null, new CallOptions(), "50");
        var items = new List<string>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout))
        {
            items.Add(call.ResponseStream.Current);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "item" + i), items);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Duplex_OverH2c_PingPongWhileRequestOpen()
    {
        using var call = _channel.CreateCallInvoker().AsyncDuplexStreamingCall(Method(MethodType.DuplexStreaming, "Duplex"), null, new CallOptions());
        await call.ResponseHeadersAsync.WaitAsync(Timeout);
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync("m" + i).WaitAsync(Timeout);
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
            Assert.Equal("echo:m" + i, call.ResponseStream.Current);
        }

        await call.RequestStream.CompleteAsync().WaitAsync(Timeout);
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Deadline_OverH2c_SendsGrpcTimeoutAndResetsStream()
    {
        // Long enough for the request to reach the server first, even on a busy machine.
        var deadline = DateTime.UtcNow.AddSeconds(2);

        using var call = _channel.CreateCallInvoker().AsyncUnaryCall(Method(MethodType.Unary, "Hang"), null, new CallOptions(deadline: deadline), "hi");
        var timeout = await _server.HangStarted.Task.WaitAsync(Timeout);
        var ex = await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync);

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
        Assert.True(Interop.Grpc.Shared.GrpcTimeout.TryParse(timeout, out var parsed) && parsed > TimeSpan.Zero && parsed <= TimeSpan.FromSeconds(2), timeout);
        await _server.HangAborted.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Cancellation_OverH2c_ResetsStream()
    {
        using var cts = new CancellationTokenSource();

        using var call = _channel.CreateCallInvoker().AsyncUnaryCall(Method(MethodType.Unary, "Hang"), null, new CallOptions(cancellationToken: cts.Token), "hi");
        await _server.HangStarted.Task.WaitAsync(Timeout);
        await cts.CancelAsync();

        Assert.Equal(StatusCode.Cancelled, (await TestChannel.ThrowsRpcAsync(() => call.ResponseAsync)).StatusCode);
        await _server.HangAborted.Task.WaitAsync(Timeout);
    }

    [Fact]
    public async Task Unary_ManyConcurrentCalls_MultiplexedOnOneChannel()
    {
        var invoker = _channel.CreateCallInvoker();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200)
            .Select(i => invoker.AsyncUnaryCall(Method(MethodType.Unary, "Unary"), null, new CallOptions(), "c" + i).ResponseAsync))
            .WaitAsync(Timeout);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => "echo:c" + i), responses);
    }
}
