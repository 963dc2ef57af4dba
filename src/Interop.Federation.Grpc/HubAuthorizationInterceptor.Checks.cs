using Interop.Caching;
using Interop.Federation.Grpc.Internal;
using Interop.Grpc;

namespace Interop.Federation.Grpc;

// The checks, one method each, in the order AuthorizeAsync runs them.
public sealed partial class HubAuthorizationInterceptor
{
    private async ValueTask<HubCaller> AuthenticateAsync(ServerCallContext context)
    {
        // Read from the HTTP request, not the metadata copy: two authorization fields must be seen as two, even if one
        // of them would not survive the metadata filter.
        var headers = Interop.Grpc.AspNetCore.ServerCallContextExtensions.GetHttpContext(context).Request.Headers.Authorization;
        var token = BearerToken.Read(headers, out var reason, out var credentialsPresent);
        if (token is null)
        {
            HubAuthorizationLog.NoValidCredentials(_logger, context.Method, reason);
            throw Refusals.Unauthenticated(
                credentialsPresent ? "The authorization header must be exactly one 'Bearer <access token>'." : "An access token is required: send 'authorization: Bearer <access token>'.",
                credentialsPresent);
        }

        TokenCheck check;
        try
        {
            check = await _validator.ValidateAsync(token, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HubAuthorizationLog.DependencyUnavailable(_logger, context.Method, StatusCode.Unavailable, "the hub's validation keys", ex);
            throw Refusals.Unavailable("validation keys");
        }

        if (check.Caller is null)
        {
            HubAuthorizationLog.InvalidToken(_logger, context.Method, check.Reason!);
            throw Refusals.Unauthenticated(check.Expired ? "The access token has expired." : "The access token is not a valid hub access token.", credentialsPresent: true);
        }

        return check.Caller;
    }

    private void RequireScope(ServerCallContext context, HubCaller caller)
    {
        var scope = _scopes.GetRequiredScope(context);
        if (scope is null)
        {
            HubAuthorizationLog.NoScopeDeclared(_logger, context.Method, caller.ClientId);
            throw Refusals.PermissionDenied("This method declares no required scope, so no caller may use it.");
        }

        if (!caller.HasScope(scope))
        {
            HubAuthorizationLog.ScopeMissing(_logger, context.Method, caller.ClientId, scope, caller.TokenId);
            throw Refusals.InsufficientScope(scope);
        }
    }

    private async ValueTask RequireActivePartnerAsync(ServerCallContext context, HubCaller caller)
    {
        PartnerStatus status;
        try
        {
            status = await _partners.GetStatusAsync(caller, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HubAuthorizationLog.DependencyUnavailable(_logger, context.Method, StatusCode.Unavailable, "the partner registry", ex);
            throw Refusals.Unavailable("partner registry");
        }

        if (status != PartnerStatus.Active)
        {
            HubAuthorizationLog.PartnerRefused(_logger, context.Method, caller.ClientId, caller.Oin, status);
            throw Refusals.PermissionDenied(status == PartnerStatus.ClientDisabled
                ? "The client is disabled in the hub's partner registry."
                : "The client's organisation is disabled in the hub's partner registry.");
        }
    }

    private async ValueTask RequireWithinRateLimitAsync(ServerCallContext context, HubCaller caller)
    {
        TimeSpan? retryAfter;
        try
        {
            retryAfter = await _rateLimiter.AcquireAsync(caller.ClientId, context.CancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException ex)
        {
            // Fail closed: without the shared counter the limit cannot be enforced across nodes.
            HubAuthorizationLog.DependencyUnavailable(_logger, context.Method, StatusCode.Unavailable, "the shared state store", ex);
            throw Refusals.Unavailable("rate limit store");
        }

        if (retryAfter is { } wait)
        {
            HubAuthorizationLog.RateLimited(_logger, context.Method, caller.ClientId, _rateLimiter.Limit, wait);
            throw Refusals.RateLimited(caller.ClientId, _rateLimiter.Limit, _rateLimiter.Window, wait);
        }
    }
}
