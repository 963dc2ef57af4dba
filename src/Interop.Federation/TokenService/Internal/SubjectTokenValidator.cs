using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// Validates the subject_token of a token exchange (RFC 8693 section 2.1): a JWT access token from an issuer on the
/// trust list, signed by a key of that issuer, addressed to the hub, not expired. A failure is invalid_grant.
/// </summary>
internal sealed class SubjectTokenValidator
{
    private readonly JwksSource _jwks;
    private readonly IOptions<TokenServiceOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new();

    public SubjectTokenValidator(JwksSource jwks, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
    {
        _jwks = jwks;
        _options = options;
        _timeProvider = timeProvider;
    }

    public async Task<(TrustedIssuerOptions? Trust, JsonWebToken? Token, OAuthError? Error)> ValidateAsync(
        string? subjectToken, string? subjectTokenType, AuthenticatedClient client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subjectToken) || string.IsNullOrEmpty(subjectTokenType))
        {
            return Fail(OAuthError.InvalidRequest(RefusalReason.MissingParameter, "subject_token and subject_token_type are required."));
        }

        if (subjectTokenType is not (OAuthConstants.AccessTokenType or OAuthConstants.JwtTokenType))
        {
            return Fail(OAuthError.InvalidRequest(RefusalReason.UnsupportedSubjectTokenType, "subject_token_type must be an access_token or jwt token type."));
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(subjectToken);
        }
        catch (ArgumentException)
        {
            return Fail(OAuthError.InvalidGrant(RefusalReason.MalformedSubjectToken, "The subject_token is not a JWT."));
        }

        var options = _options.Value;
        var trust = options.TrustedIssuers.FirstOrDefault(t => string.Equals(t.Issuer, token.Issuer, StringComparison.Ordinal));
        if (trust is null)
        {
            return Fail(OAuthError.InvalidGrant(RefusalReason.UntrustedIssuer, "The subject_token's issuer is not trusted."));
        }

        // A trusted issuer speaks for one organisation: only that organisation's clients may exchange its tokens.
        if (!string.Equals(trust.OrganisationOin, client.Organisation.Oin, StringComparison.Ordinal))
        {
            return Fail(new OAuthError(OAuthConstants.Errors.UnauthorizedClient, "This client may not exchange tokens of that issuer.", RefusalReason.TrustNotForClientOrganisation));
        }

        if (token.IsEncrypted || !OAuthConstants.AcceptedAlgorithms.Contains(token.Alg))
        {
            return Fail(OAuthError.InvalidGrant(RefusalReason.SubjectTokenInvalid, "The subject_token must be signed with RS256, PS256 or ES256."));
        }

        if (!token.Audiences.Any(a => a == options.Audience || a == options.Issuer))
        {
            return Fail(OAuthError.InvalidGrant(RefusalReason.SubjectTokenWrongAudience, "The subject_token is not addressed to the hub."));
        }

        if (TokenTimeRules.Check(token, _timeProvider.GetUtcNow(), options.ClockSkew, maxLifetimeAhead: null) is { } timeError)
        {
            var reason = timeError == RefusalReason.Expired ? RefusalReason.SubjectTokenExpired : RefusalReason.SubjectTokenInvalid;
            return Fail(OAuthError.InvalidGrant(reason, timeError == RefusalReason.Expired ? "The subject_token has expired." : "The subject_token's lifetime claims are invalid."));
        }

        var keys = await _jwks.GetAsync(trust.Jwks, trust.JwksUrl, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return Fail(OAuthError.InvalidGrant(RefusalReason.SubjectTokenInvalid, "The issuer's keys could not be loaded."));
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = trust.Issuer,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = false,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = OAuthConstants.AcceptedAlgorithms,
        }).ConfigureAwait(false);
        return result.IsValid
            ? (trust, token, null)
            : Fail(OAuthError.InvalidGrant(RefusalReason.SubjectTokenInvalid, "The subject_token's signature is invalid."));
    }

    private static (TrustedIssuerOptions?, JsonWebToken?, OAuthError?) Fail(OAuthError error) => (null, null, error);
}
