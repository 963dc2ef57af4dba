using Microsoft.Extensions.Logging;

namespace Interop.Federation.TokenService.Internal;

/// <summary>Source-generated log messages of the token service (event ids 200-299). Never logs an assertion or token.</summary>
internal static partial class TokenServiceLog
{
    [LoggerMessage(200, LogLevel.Information, "Token request refused with {Error} ({Reason}) for client '{ClientId}'.")]
    public static partial void Refused(ILogger logger, string error, RefusalReason reason, string? clientId);

    [LoggerMessage(201, LogLevel.Information, "Issued an access token to client '{ClientId}' of {Oin} for scope '{Scope}' by grant {GrantType}.")]
    public static partial void Issued(ILogger logger, string clientId, string oin, string scope, string grantType);

    [LoggerMessage(202, LogLevel.Warning, "Fetching JWKS from {Url} failed.")]
    public static partial void JwksFetchFailed(ILogger logger, string url, Exception exception);

    [LoggerMessage(203, LogLevel.Error, "The token endpoint failed unexpectedly.")]
    public static partial void EndpointFailed(ILogger logger, Exception exception);
}
