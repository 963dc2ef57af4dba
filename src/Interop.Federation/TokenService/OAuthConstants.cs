namespace Interop.Federation.TokenService;

/// <summary>The OAuth 2.0 names the token service speaks (RFC 6749, 7521/7523, 8693, 9068).</summary>
public static class OAuthConstants
{
    /// <summary>grant_type for machine-to-machine tokens (RFC 6749 section 4.4).</summary>
    public const string ClientCredentialsGrant = "client_credentials";

    /// <summary>grant_type of token exchange (RFC 8693 section 2.1).</summary>
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";

    /// <summary>client_assertion_type of private_key_jwt (RFC 7523 section 2.2).</summary>
    public const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>Token type of an access token (RFC 8693 section 3).</summary>
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    /// <summary>Token type of a JWT (RFC 8693 section 3).</summary>
    public const string JwtTokenType = "urn:ietf:params:oauth:token-type:jwt";

    /// <summary>The typ header of JWT access tokens (RFC 9068 section 2.1).</summary>
    public const string AccessTokenJwtType = "at+jwt";

    /// <summary>The client authentication method the hub supports.</summary>
    public const string PrivateKeyJwt = "private_key_jwt";

    /// <summary>Signature algorithms accepted on client assertions and exchanged tokens: RS256 (required by the NL GOV profile), PS256, ES256.</summary>
    public static IReadOnlyList<string> AcceptedAlgorithms { get; } = ["RS256", "PS256", "ES256"];

    /// <summary>The error codes of RFC 6749 section 5.2.</summary>
    public static class Errors
    {
        /// <summary>A parameter is missing, repeated or malformed.</summary>
        public const string InvalidRequest = "invalid_request";

        /// <summary>Client authentication failed (HTTP 401).</summary>
        public const string InvalidClient = "invalid_client";

        /// <summary>The grant (e.g. the subject token) is invalid, expired or from an untrusted issuer.</summary>
        public const string InvalidGrant = "invalid_grant";

        /// <summary>The client may not use this grant.</summary>
        public const string UnauthorizedClient = "unauthorized_client";

        /// <summary>The grant type is not supported.</summary>
        public const string UnsupportedGrantType = "unsupported_grant_type";

        /// <summary>The requested scope exceeds what is allowed, or is malformed.</summary>
        public const string InvalidScope = "invalid_scope";
    }
}
