using Interop.Grpc;
using Microsoft.Extensions.Logging;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// Log events of the gRPC authorization (event ids 1-19 are stable). Refusals are expected on an exposed endpoint, so
/// they are Information; the token itself is never logged, only the reason, the client id and the token id.
/// </summary>
internal static partial class HubAuthorizationLog
{
    [LoggerMessage(1, LogLevel.Information, "Call {Method} refused with UNAUTHENTICATED: {Reason}.")]
    public static partial void NoValidCredentials(ILogger logger, string method, string reason);

    [LoggerMessage(2, LogLevel.Information, "Call {Method} refused with UNAUTHENTICATED: the access token is invalid ({Reason}).")]
    public static partial void InvalidToken(ILogger logger, string method, string reason);

    [LoggerMessage(3, LogLevel.Information, "Call {Method} by client {ClientId} refused with PERMISSION_DENIED: the token lacks scope '{Scope}' (token {TokenId}).")]
    public static partial void ScopeMissing(ILogger logger, string method, string clientId, string scope, string tokenId);

    [LoggerMessage(4, LogLevel.Warning, "Call {Method} by client {ClientId} refused with PERMISSION_DENIED: the method declares no interop.v1.required_scope and its service is not anonymous.")]
    public static partial void NoScopeDeclared(ILogger logger, string method, string clientId);

    [LoggerMessage(5, LogLevel.Information, "Call {Method} by client {ClientId} (OIN {Oin}) refused with PERMISSION_DENIED: {Status} in the partner registry.")]
    public static partial void PartnerRefused(ILogger logger, string method, string clientId, string oin, PartnerStatus status);

    [LoggerMessage(6, LogLevel.Information, "Call {Method} by client {ClientId} refused with RESOURCE_EXHAUSTED: more than {Limit} calls in the current window; retry in {RetryAfter}.")]
    public static partial void RateLimited(ILogger logger, string method, string clientId, int limit, TimeSpan retryAfter);

    [LoggerMessage(7, LogLevel.Warning, "Call {Method} refused with {StatusCode}: {Dependency} could not be reached, so the call cannot be authorized (fail closed).")]
    public static partial void DependencyUnavailable(ILogger logger, string method, StatusCode statusCode, string dependency, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Re-reading the hub's validation keys failed; the last good set stays in use.")]
    public static partial void ValidationKeyReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "Loaded {Count} hub validation keys.")]
    public static partial void ValidationKeysLoaded(ILogger logger, int count);
}
