using Interop.Federation.Registry;
using Interop.Federation.TokenService;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// Validates a hub access token (RFC 9068) with Microsoft.IdentityModel and reads the caller from it. Returns the
/// outcome as a value: refusals are the expected case on an exposed endpoint and must stay cheap.
/// </summary>
internal sealed partial class HubTokenValidator
{
    /// <summary>RS256 (NL GOV profile MUST), PS256 and ES256. Never none, never HS*: a hub token is always asymmetric.</summary>
    internal static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>RFC 9068 section 4: the resource server checks typ is "at+jwt" (or the full media type).</summary>
    internal static readonly string[] AccessTokenTypes = [OAuthConstants.AccessTokenJwtType, "application/" + OAuthConstants.AccessTokenJwtType];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ValidationKeyCache _keys;
    private readonly TimeProvider _timeProvider;
    private readonly string _issuer;
    private readonly string _audience;
    private readonly TimeSpan _clockSkew;
    private readonly ValidatedTokenCache? _validated;

    /// <summary>Creates the validator; <paramref name="validated"/> null validates every call in full.</summary>
    public HubTokenValidator(ValidationKeyCache keys, TimeProvider timeProvider, string issuer, string audience, TimeSpan clockSkew, ValidatedTokenCache? validated = null)
    {
        _validated = validated;
        _keys = keys;
        _timeProvider = timeProvider;
        _issuer = issuer;
        _audience = audience;
        _clockSkew = clockSkew;
    }

    public ValueTask<TokenCheck> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (_validated is null)
        {
            return ValidateFullyAsync(token, default, cancellationToken);
        }

        var hash = TokenHash.Compute(token);
        return _validated.TryGet(hash, out var entry)
            ? ValidateCachedAsync(token, hash, entry, cancellationToken)
            : ValidateFullyAsync(token, hash, cancellationToken);
    }

    /// <summary>Parses, verifies and checks the token; remembers a success under <paramref name="hash"/> when caching.</summary>
    private async ValueTask<TokenCheck> ValidateFullyAsync(string token, TokenHash hash, CancellationToken cancellationToken)
    {
        JsonWebToken jwt;
        try
        {
            // Parsing only: nothing in it is trusted before the signature check below.
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Refused("malformed");
        }

        if (jwt.IsEncrypted)
        {
            return TokenCheck.Refused("encrypted");
        }

        // Hub tokens always name their key. Only that key is tried, so a token cannot make us try every key.
        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return TokenCheck.Refused("no kid");
        }

        var key = await _keys.FindAsync(jwt.Kid, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            // An external issuer's token lands here too: its keys are never among the hub's.
            return TokenCheck.Refused("unknown kid");
        }

        var result = await _handler.ValidateTokenAsync(jwt, CreateParameters(key)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            var reason = result.Exception?.GetType().Name ?? "invalid";
            return TokenCheck.Refused(reason, expired: result.Exception is SecurityTokenExpiredException);
        }

        var check = ReadCaller(jwt);
        if (_validated is not null && check.Caller is not null)
        {
            var notBefore = jwt.ValidFrom == DateTime.MinValue ? (DateTimeOffset?)null : new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero);
            _validated.Add(hash, check.Caller, key, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), notBefore, _timeProvider.GetUtcNow());
        }

        return check;
    }

    private TokenValidationParameters CreateParameters(SecurityKey key) => new()
    {
        ValidIssuer = _issuer,
        ValidAudience = _audience,
        ValidateIssuer = true,
        ValidateAudience = true,
        RequireAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _clockSkew,
        LifetimeValidator = ValidateLifetime,
        RequireSignedTokens = true,
        IssuerSigningKey = key,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = AllowedAlgorithms,
        ValidTypes = AccessTokenTypes,
        ValidateTokenReplay = false,
        SaveSigninToken = false,
    };

    /// <summary>
    /// exp and nbf against the injected clock (IdentityModel's own check reads the system clock), each with the skew.
    /// Throws the exception types IdentityModel uses, which end up in the validation result.
    /// </summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }

        if (notBefore is { } nbf && nbf > expires)
        {
            throw new SecurityTokenInvalidLifetimeException("nbf is after exp.");
        }

        if (notBefore is { } start && start > now + _clockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }

        if (expires.Value < now - _clockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }

        return true;
    }

    private static TokenCheck ReadCaller(JsonWebToken jwt)
    {
        if (!jwt.TryGetPayloadValue<string>("client_id", out var clientId) || string.IsNullOrEmpty(clientId)
            || !jwt.TryGetPayloadValue<string>(HubClaimNames.Oin, out var oin) || string.IsNullOrEmpty(oin)
            || !jwt.TryGetPayloadValue<string>(HubClaimNames.OrganisationKind, out var kindName) || !OrganisationKinds.TryParse(kindName, out var kind)
            || !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti) || string.IsNullOrEmpty(jti))
        {
            return TokenCheck.Refused("missing claims");
        }

        var scopes = jwt.TryGetPayloadValue<string>("scope", out var scope) && scope is not null
            ? scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal)
            : [];
        var region = jwt.TryGetPayloadValue<string>(HubClaimNames.RmcRegion, out var r) && !string.IsNullOrEmpty(r) ? r : null;
        return TokenCheck.Valid(new HubCaller(oin, kind, region, clientId, scopes, jti));
    }
}
