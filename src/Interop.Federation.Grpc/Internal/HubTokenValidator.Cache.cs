namespace Interop.Federation.Grpc.Internal;

// The fast path: a token string validated before, served from ValidatedTokenCache.
internal sealed partial class HubTokenValidator
{
    /// <summary>
    /// Accepts a token validated before without verifying its signature again, but still checks on every call that
    /// its kid's key is the published key that verified it and that it is within exp and nbf (same skew rule).
    /// </summary>
    private async ValueTask<TokenCheck> ValidateCachedAsync(string token, TokenHash hash, ValidatedTokenCache.Entry entry, CancellationToken cancellationToken)
    {
        var current = await _keys.FindAsync(entry.Key.KeyId, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(current, entry.Key))
        {
            // The key left the published set (retired, revoked) or was replaced under its kid: decide afresh, which
            // refuses the token when the kid is gone.
            _validated!.Remove(hash);
            return await ValidateFullyAsync(token, hash, cancellationToken).ConfigureAwait(false);
        }

        var now = _timeProvider.GetUtcNow();
        if (_validated!.IsExpired(entry, now))
        {
            _validated.Remove(hash);
            return TokenCheck.Refused("SecurityTokenExpiredException", expired: true, fromCache: true);
        }

        if (entry.NotBefore is { } nbf && nbf > now + _clockSkew)
        {
            // Only reachable when the clock moved back since the token was first accepted.
            return TokenCheck.Refused("SecurityTokenNotYetValidException", fromCache: true);
        }

        return TokenCheck.Valid(entry.Caller, fromCache: true);
    }
}
