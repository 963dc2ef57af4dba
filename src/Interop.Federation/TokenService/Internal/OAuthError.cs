namespace Interop.Federation.TokenService.Internal;

/// <summary>An RFC 6749 section 5.2 error, returned as a value on the hot path instead of thrown.</summary>
internal sealed record OAuthError(string Error, string Description, RefusalReason Reason)
{
    /// <summary>invalid_client is 401 (RFC 6749 section 5.2); every other error is 400.</summary>
    public int StatusCode => Error == OAuthConstants.Errors.InvalidClient ? 401 : 400;

    public static OAuthError InvalidRequest(RefusalReason reason, string description) => new(OAuthConstants.Errors.InvalidRequest, description, reason);

    public static OAuthError InvalidClient(RefusalReason reason, string description) => new(OAuthConstants.Errors.InvalidClient, description, reason);

    public static OAuthError InvalidGrant(RefusalReason reason, string description) => new(OAuthConstants.Errors.InvalidGrant, description, reason);

    public static OAuthError InvalidScope(RefusalReason reason, string description) => new(OAuthConstants.Errors.InvalidScope, description, reason);
}
