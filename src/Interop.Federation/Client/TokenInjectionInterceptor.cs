using Interop.Federation.Client.Internal;
using Interop.Grpc;
using Interop.Grpc.Interceptors;

namespace Interop.Federation.Client;

/// <summary>
/// Adds <c>authorization: Bearer &lt;token&gt;</c> to every outgoing call, of every call kind. While the token source
/// has a fresh token the call starts at once; otherwise the call is started as soon as the token arrives (the call
/// object is returned immediately and its streams wait). A failure to obtain a token fails the call with
/// UNAUTHENTICATED. Any authorization header the caller set is replaced, so a call never carries two.
/// </summary>
public sealed class TokenInjectionInterceptor : Interceptor
{
    private const string AuthorizationKey = "authorization";
    private readonly IAccessTokenSource _tokens;

    /// <summary>Creates the interceptor.</summary>
    public TokenInjectionInterceptor(IAccessTokenSource tokens) => _tokens = tokens;

    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Start(context, c => continuation(request, c));
        return call.IsStarted(out var started)
            ? started
            : new AsyncUnaryCall<TResponse>(call.Then(c => c.ResponseAsync), call.State(c => c.ResponseHeadersAsync, c => c.GetStatus(), c => c.GetTrailers(), c => c.Dispose()));
    }

    /// <inheritdoc />
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Start(context, c => continuation(request, c));
        return call.IsStarted(out var started)
            ? started
            : new AsyncServerStreamingCall<TResponse>(
                new DeferredStreamReader<TResponse>(call.Then(c => Task.FromResult(c.ResponseStream))),
                call.State(c => c.ResponseHeadersAsync, c => c.GetStatus(), c => c.GetTrailers(), c => c.Dispose()));
    }

    /// <inheritdoc />
    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Start(context, c => continuation(c));
        return call.IsStarted(out var started)
            ? started
            : new AsyncClientStreamingCall<TRequest, TResponse>(
                new DeferredStreamWriter<TRequest>(call.Then(c => Task.FromResult(c.RequestStream))),
                call.Then(c => c.ResponseAsync),
                call.State(c => c.ResponseHeadersAsync, c => c.GetStatus(), c => c.GetTrailers(), c => c.Dispose()));
    }

    /// <inheritdoc />
    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = Start(context, c => continuation(c));
        return call.IsStarted(out var started)
            ? started
            : new AsyncDuplexStreamingCall<TRequest, TResponse>(
                new DeferredStreamWriter<TRequest>(call.Then(c => Task.FromResult(c.RequestStream))),
                new DeferredStreamReader<TResponse>(call.Then(c => Task.FromResult(c.ResponseStream))),
                call.State(c => c.ResponseHeadersAsync, c => c.GetStatus(), c => c.GetTrailers(), c => c.Dispose()));
    }

    private DeferredCall<TCall> Start<TRequest, TResponse, TCall>(
        ClientInterceptorContext<TRequest, TResponse> context, Func<ClientInterceptorContext<TRequest, TResponse>, TCall> start)
        where TRequest : class
        where TResponse : class
        where TCall : class
    {
        var pending = _tokens.GetAccessTokenAsync(context.Options.CancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            return DeferredCall<TCall>.Started(start(WithToken(context, pending.Result)));
        }

        return DeferredCall<TCall>.Deferred(AwaitThenStartAsync(pending, context, start));
    }

    private static async Task<TCall> AwaitThenStartAsync<TRequest, TResponse, TCall>(
        ValueTask<string> pending, ClientInterceptorContext<TRequest, TResponse> context, Func<ClientInterceptorContext<TRequest, TResponse>, TCall> start)
        where TRequest : class
        where TResponse : class
    {
        string token;
        try
        {
            token = await pending.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Could not obtain an access token.", ex));
        }

        return start(WithToken(context, token));
    }

    private static ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, string token)
        where TRequest : class
        where TResponse : class
    {
        // A copy: the caller's Metadata may be shared between calls or read-only.
        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? Metadata.Empty)
        {
            if (entry.Key != AuthorizationKey)
            {
                headers.Add(entry);
            }
        }

        headers.Add(AuthorizationKey, "Bearer " + token);
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
