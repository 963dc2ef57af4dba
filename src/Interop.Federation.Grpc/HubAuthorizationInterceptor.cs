using Interop.Caching;
using Interop.Federation.Grpc.Internal;
using Interop.Federation.Registry;
using Interop.Grpc;
using Interop.Grpc.AspNetCore;
using Interop.Grpc.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interop.Federation.Grpc;

/// <summary>
/// Authorizes every gRPC call (all four kinds) before its request is read and before any interceptor or handler runs
/// (registered by AddHubAuthorization as a call authorizer; registered as an interceptor instead, it runs the same
/// checks once the request has been read), in this order:
/// <list type="number">
/// <item>services in <see cref="HubAuthorizationOptions.AnonymousServices"/> pass without any check;</item>
/// <item>exactly one <c>authorization: Bearer &lt;token&gt;</c> header, else UNAUTHENTICATED;</item>
/// <item>a hub access token (RFC 9068): signed by a key the hub publishes with RS256, PS256 or ES256, the hub's iss and
/// aud, exp and nbf within the clock skew, typ at+jwt; else UNAUTHENTICATED (external issuers' tokens included:
/// they must be exchanged at the token service first). A token string validated before is served from a bounded
/// in-process cache (<see cref="HubAuthorizationOptions.ValidatedTokenCacheSize"/>) while its key is still published;
/// its lifetime is still checked on every call;</item>
/// <item>the method's <c>interop.v1.required_scope</c> in the token's scope claim, else PERMISSION_DENIED; a method that
/// declares no scope is refused to everyone (secure default);</item>
/// <item>client and organisation still enabled in the partner registry, else PERMISSION_DENIED;</item>
/// <item>the client's calls in the current window within the rate limit, else RESOURCE_EXHAUSTED.</item>
/// </list>
/// If the shared state store or the partner registry cannot be reached, the call fails with UNAVAILABLE: a limit or
/// a disabled partner is never skipped silently. The caller is then available to the handler through
/// <see cref="HubCallerExtensions.GetHubCaller"/>. Register with
/// <see cref="HubAuthorizationServiceCollectionExtensions.AddHubAuthorization"/>.
/// </summary>
public sealed partial class HubAuthorizationInterceptor : Interceptor, IServerCallAuthorizer
{
    private readonly HubAuthorizationOptions _options;
    private readonly HubTokenValidator _validator;
    private readonly RequiredScopeReader _scopes = new();
    private readonly PartnerStatusChecker _partners;
    private readonly FixedWindowRateLimiter _rateLimiter;
    private readonly ILogger _logger;

    /// <summary>Creates the interceptor (normally resolved from DI as a singleton: it holds the key and partner caches).</summary>
    public HubAuthorizationInterceptor(
        IOptions<HubAuthorizationOptions> options,
        IHubValidationKeySource keySource,
        IPartnerStore partners,
        ISharedStateStore sharedState,
        TimeProvider timeProvider,
        ILogger<HubAuthorizationInterceptor>? logger = null)
    {
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var validated = _options.ValidatedTokenCacheSize > 0 ? new ValidatedTokenCache(_options.ValidatedTokenCacheSize, _options.ClockSkew) : null;
        var keys = new ValidationKeyCache(
            keySource, timeProvider, _options.ValidationKeyRefreshInterval, _options.UnknownKeyRefreshInterval, _logger, validated is null ? null : validated.RetainKeys);
        _validator = new HubTokenValidator(keys, timeProvider, _options.Issuer!, _options.Audience!, _options.ClockSkew, validated);
        _partners = new PartnerStatusChecker(partners, timeProvider, _options.PartnerStatusCacheDuration);
        _rateLimiter = new FixedWindowRateLimiter(sharedState, timeProvider, _options.RateLimitPerWindow, _options.RateLimitWindow);
    }

    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    /// <summary>
    /// The same checks as an <see cref="IServerCallAuthorizer"/>, before the request is read: how
    /// <see cref="HubAuthorizationServiceCollectionExtensions.AddHubAuthorization"/> runs them.
    /// </summary>
    ValueTask IServerCallAuthorizer.AuthorizeAsync(ServerCallContext context) => AuthorizeAsync(context);

    /// <summary>Runs every check; returns normally when the call may proceed, throws the refusal otherwise.</summary>
    private async ValueTask AuthorizeAsync(ServerCallContext context)
    {
        if (_options.AnonymousServices.Contains(ServiceName(context.Method)))
        {
            return;
        }

        var caller = await AuthenticateAsync(context).ConfigureAwait(false);
        RequireScope(context, caller);
        await RequireActivePartnerAsync(context, caller).ConfigureAwait(false);
        await RequireWithinRateLimitAsync(context, caller).ConfigureAwait(false);
        context.SetHubCaller(caller);
    }

    /// <summary>The service of a method path "/package.Service/Method".</summary>
    private static string ServiceName(string methodPath)
    {
        var slash = methodPath.IndexOf('/', 1);
        return slash > 1 ? methodPath[1..slash] : methodPath;
    }
}
