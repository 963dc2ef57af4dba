using Interop.Caching;
using Interop.Federation.Registry;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// Authenticates the client of a token request by private_key_jwt (RFC 7523 section 2.2 and 3; NL GOV Assurance
/// profile). Every failure is invalid_client (RFC 6749 section 5.2), except a half-present parameter pair (invalid_request).
/// Checks run cheapest first; the jti is recorded only once the signature has been verified, so nobody can burn
/// another client's jti values.
/// </summary>
internal sealed class ClientAuthenticator
{
    private const int MaxAssertionLength = 16 * 1024;

    private readonly IPartnerStore _partners;
    private readonly JwksSource _jwks;
    private readonly ISharedStateStore _sharedState;
    private readonly IOptions<TokenServiceOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new();

    public ClientAuthenticator(IPartnerStore partners, JwksSource jwks, ISharedStateStore sharedState, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
    {
        _partners = partners;
        _jwks = jwks;
        _sharedState = sharedState;
        _options = options;
        _timeProvider = timeProvider;
    }

    public async Task<(AuthenticatedClient? Client, OAuthError? Error, string? ClaimedClientId)> AuthenticateAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        string? assertionType = form["client_assertion_type"];
        string? assertion = form["client_assertion"];
        if (form.ContainsKey("client_secret") || (assertionType is null && assertion is null))
        {
            return Fail(RefusalReason.UnsupportedAuthenticationMethod, "Client authentication by private_key_jwt is required.");
        }

        if (string.IsNullOrEmpty(assertionType) || string.IsNullOrEmpty(assertion))
        {
            return (null, OAuthError.InvalidRequest(RefusalReason.MissingParameter, "client_assertion and client_assertion_type must be sent together."), null);
        }

        if (assertionType != OAuthConstants.JwtBearerAssertionType)
        {
            return Fail(RefusalReason.UnsupportedAuthenticationMethod, "client_assertion_type must be " + OAuthConstants.JwtBearerAssertionType + ".");
        }

        if (assertion.Length > MaxAssertionLength || !_handler.CanReadToken(assertion))
        {
            return Fail(RefusalReason.MalformedAssertion, "The client assertion is not a JWT.");
        }

        JsonWebToken token;
        try
        {
            token = _handler.ReadJsonWebToken(assertion);
        }
        catch (ArgumentException)
        {
            return Fail(RefusalReason.MalformedAssertion, "The client assertion is not a JWT.");
        }

        // Only asymmetric algorithms: this refuses alg none and every HS* (including HS256 keyed with a public key).
        if (token.IsEncrypted || !OAuthConstants.AcceptedAlgorithms.Contains(token.Alg))
        {
            return Fail(RefusalReason.AlgorithmNotAllowed, "The assertion must be signed with RS256, PS256 or ES256.");
        }

        var clientId = token.Issuer;
        // RFC 7523 section 3: iss and sub must both be the client_id.
        if (string.IsNullOrEmpty(clientId) || token.Subject != clientId)
        {
            return Fail(RefusalReason.IssuerSubjectMismatch, "The assertion's iss and sub must both be the client_id.", clientId);
        }

        if (form.TryGetValue("client_id", out var formClientId) && formClientId != clientId)
        {
            return Fail(RefusalReason.ClientIdMismatch, "client_id does not match the assertion's iss.", clientId);
        }

        var options = _options.Value;
        var audienceError = CheckAudience(token, options);
        if (audienceError is not null)
        {
            return Fail(audienceError.Value, "The assertion's aud must be exactly the token endpoint " + options.TokenEndpoint + ".", clientId);
        }

        var now = _timeProvider.GetUtcNow();
        if (TokenTimeRules.Check(token, now, options.ClockSkew, options.AssertionMaxLifetime) is { } timeError)
        {
            return Fail(timeError, TimeDescription(timeError), clientId);
        }

        if (string.IsNullOrEmpty(token.Id))
        {
            return Fail(RefusalReason.MissingJti, "The assertion needs a jti.", clientId);
        }

        if (!JtiRule.IsAcceptable(token.Id))
        {
            return Fail(RefusalReason.ShortJti, "The jti must carry at least 128 bits: 22 or more characters, or 32 or more hex digits.", clientId);
        }

        var client = await _partners.GetClientAsync(clientId, cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return Fail(RefusalReason.UnknownClient, "Unknown client.", clientId);
        }

        if (!client.Enabled)
        {
            return Fail(RefusalReason.ClientDisabled, "The client is disabled.", clientId);
        }

        var organisation = await _partners.GetOrganisationAsync(client.OrganisationOin, cancellationToken).ConfigureAwait(false);
        if (organisation is null || !organisation.Enabled)
        {
            return Fail(RefusalReason.OrganisationDisabled, "The client's organisation is disabled.", clientId);
        }

        var keys = await _jwks.GetAsync(client.Jwks, client.JwksUrl, cancellationToken).ConfigureAwait(false);
        if (keys is null)
        {
            return Fail(RefusalReason.ClientKeysUnavailable, "The client's keys could not be loaded.", clientId);
        }

        var key = SelectKey(keys, token);
        if (key is null)
        {
            return Fail(RefusalReason.UnknownKid, "No registered key matches the assertion's kid.", clientId);
        }

        var result = await _handler.ValidateTokenAsync(token, SignatureOnlyParameters(key, clientId)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return Fail(RefusalReason.BadSignature, "The assertion's signature is invalid.", clientId);
        }

        // Single use across every hub node (RFC 7523 section 3 item 7): the key lives until the assertion has expired.
        var replayKey = "jti:" + clientId + ":" + token.Id;
        var timeToLive = new DateTimeOffset(token.ValidTo, TimeSpan.Zero) + options.ClockSkew - now;
        if (!await _sharedState.TryAddAsync(replayKey, timeToLive > TimeSpan.FromSeconds(1) ? timeToLive : TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false))
        {
            return Fail(RefusalReason.Replayed, "The assertion has been used before.", clientId);
        }

        return (new AuthenticatedClient(client, organisation), null, clientId);
    }

    /// <summary>
    /// The aud must be the token endpoint, exactly and alone: no trailing-slash leniency, no multi-audience assertion
    /// that could be replayed at another endpoint.
    /// </summary>
    private static RefusalReason? CheckAudience(JsonWebToken token, TokenServiceOptions options)
    {
        var audiences = token.Audiences.ToList();
        if (audiences.Count == 1 && string.Equals(audiences[0], options.TokenEndpoint, StringComparison.Ordinal))
        {
            return null;
        }

        var issuerPrefix = options.Issuer.TrimEnd('/');
        return audiences.Any(a => a.StartsWith(issuerPrefix, StringComparison.OrdinalIgnoreCase))
            ? RefusalReason.AudienceIsAnotherEndpoint
            : RefusalReason.WrongAudience;
    }

    /// <summary>The key named by kid; without a kid only a single registered key may be used.</summary>
    private static JsonWebKey? SelectKey(JsonWebKeySet keys, JsonWebToken token)
    {
        var kid = token.Kid;
        var key = string.IsNullOrEmpty(kid)
            ? (keys.Keys.Count == 1 ? keys.Keys[0] : null)
            : keys.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        // A key that declares its alg may only be used with that alg, and an encryption key never signs (RFC 7517 section 4.2).
        return key is not null && (string.IsNullOrEmpty(key.Alg) || key.Alg == token.Alg) && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig) ? key : null;
    }

    private static TokenValidationParameters SignatureOnlyParameters(SecurityKey key, string issuer) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = issuer,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = false,
        IssuerSigningKey = key,
        ValidAlgorithms = OAuthConstants.AcceptedAlgorithms,
    };

    private static string TimeDescription(RefusalReason reason) => reason switch
    {
        RefusalReason.MissingExpiry => "The assertion needs an exp.",
        RefusalReason.Expired => "The assertion has expired.",
        RefusalReason.NotYetValid => "The assertion is not valid yet (nbf).",
        RefusalReason.IssuedInFuture => "The assertion's iat is in the future.",
        _ => "The assertion's exp is more than 5 minutes ahead.",
    };

    private static (AuthenticatedClient?, OAuthError?, string?) Fail(RefusalReason reason, string description, string? clientId = null) =>
        (null, OAuthError.InvalidClient(reason, description), clientId);
}
