using Interop.Federation.Client;
using Interop.Grpc;
using Interop.Grpc.Interceptors;

namespace Interop.Federation.Tests.Client;

public sealed class TokenInjectionInterceptorTests
{
    private readonly FakeCallInvoker _invoker = new();

    [Fact]
    public async Task Unary_CachedToken_AddsBearerHeader()
    {
        var interceptor = new TokenInjectionInterceptor(new FakeTokens("t1"));
        var call = interceptor.AsyncUnaryCall("hi", Context(MethodType.Unary), (r, c) => _invoker.AsyncUnaryCall(c.Method, c.Host, c.Options, r));
        Assert.Equal("reply:hi", await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("Bearer t1", Assert.Single(_invoker.Calls).Headers!.GetValue("authorization"));
    }

    [Fact]
    public async Task Unary_TokenNotYetAvailable_CallWaitsForIt()
    {
        var tokens = new FakeTokens(null);
        var interceptor = new TokenInjectionInterceptor(tokens);
        var call = interceptor.AsyncUnaryCall("hi", Context(MethodType.Unary), (r, c) => _invoker.AsyncUnaryCall(c.Method, c.Host, c.Options, r));
        Assert.Empty(_invoker.Calls);

        tokens.Pending.SetResult("late");
        Assert.Equal("reply:hi", await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("Bearer late", Assert.Single(_invoker.Calls).Headers!.GetValue("authorization"));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Unary_TokenFailure_FailsCallUnauthenticated()
    {
        var tokens = new FakeTokens(null);
        var interceptor = new TokenInjectionInterceptor(tokens);
        var call = interceptor.AsyncUnaryCall("hi", Context(MethodType.Unary), (r, c) => _invoker.AsyncUnaryCall(c.Method, c.Host, c.Options, r));
        tokens.Pending.SetException(new TokenRequestException(401, "invalid_client", null));

        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, call.GetStatus().StatusCode);
        Assert.Empty(_invoker.Calls);
    }

    [Fact]
    public void Unary_ExistingAuthorizationHeader_ReplacedNotDuplicated()
    {
        var headers = new Metadata { { "authorization", "Bearer stale" }, { "x-trace", "1" } };
        var interceptor = new TokenInjectionInterceptor(new FakeTokens("fresh"));
        interceptor.AsyncUnaryCall("hi", Context(MethodType.Unary, headers), (r, c) => _invoker.AsyncUnaryCall(c.Method, c.Host, c.Options, r));

        var sent = Assert.Single(_invoker.Calls).Headers!;
        Assert.Equal("Bearer fresh", Assert.Single(sent.GetAll("authorization")).Value);
        Assert.Equal("1", sent.GetValue("x-trace"));
        Assert.Equal("Bearer stale", headers.GetValue("authorization"));
    }

    [Fact]
    public async Task ServerStreaming_DeferredToken_StreamReadsAfterStart()
    {
        var tokens = new FakeTokens(null);
        var interceptor = new TokenInjectionInterceptor(tokens);
        var call = interceptor.AsyncServerStreamingCall("hi", Context(MethodType.ServerStreaming), (r, c) => _invoker.AsyncServerStreamingCall(c.Method, c.Host, c.Options, r));
        var read = call.ResponseStream.MoveNext(CancellationToken.None);
        tokens.Pending.SetResult("s");

        Assert.True(await read.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("one", call.ResponseStream.Current);
        Assert.Equal("Bearer s", Assert.Single(_invoker.Calls).Headers!.GetValue("authorization"));
    }

    [Fact]
    public async Task ClientStreaming_DeferredToken_WritesAfterStart()
    {
        var tokens = new FakeTokens(null);
        var interceptor = new TokenInjectionInterceptor(tokens);
        var call = interceptor.AsyncClientStreamingCall(Context(MethodType.ClientStreaming), c => _invoker.AsyncClientStreamingCall(c.Method, c.Host, c.Options));
        var write = call.RequestStream.WriteAsync("a");
        tokens.Pending.SetResult("c");
        await write.WaitAsync(TimeSpan.FromSeconds(10));
        await call.RequestStream.WriteAsync("b").WaitAsync(TimeSpan.FromSeconds(10));
        await call.RequestStream.CompleteAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("a,b", await call.ResponseAsync.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("Bearer c", Assert.Single(_invoker.Calls).Headers!.GetValue("authorization"));
    }

    [Fact]
    public async Task DuplexStreaming_CachedToken_AddsHeader()
    {
        var interceptor = new TokenInjectionInterceptor(new FakeTokens("d"));
        var call = interceptor.AsyncDuplexStreamingCall(Context(MethodType.DuplexStreaming), c => _invoker.AsyncDuplexStreamingCall(c.Method, c.Host, c.Options));
        await call.RequestStream.WriteAsync("x").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("dup", call.ResponseStream.Current);
        Assert.Equal("Bearer d", Assert.Single(_invoker.Calls).Headers!.GetValue("authorization"));
    }

    private static ClientInterceptorContext<string, string> Context(MethodType type, Metadata? headers = null) =>
        new(FakeCallInvoker.Method(type), null, new CallOptions(headers));

    private sealed class FakeTokens(string? cached) : IAccessTokenSource
    {
        public TaskCompletionSource<string> Pending { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken = default) =>
            cached is not null ? ValueTask.FromResult(cached) : new ValueTask<string>(Pending.Task);
    }
}
