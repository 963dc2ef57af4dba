namespace Interop.Federation.TokenService;

/// <summary>
/// Options of the hub's token service, bound from the configuration section <c>Interop:TokenService</c> and validated
/// at start (every problem is reported at once).
/// </summary>
public sealed class TokenServiceOptions
{
    /// <summary>The longest access token lifetime the hub ever issues (NL GOV profile: short-lived tokens).</summary>
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The longest client assertion lifetime accepted (exp at most this far ahead).</summary>
    public static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The issuer identifier: an absolute https URL without path, query or fragment (http allowed for loopback).
    /// The token endpoint is <c>{Issuer}/token</c>, which client assertions must name as aud. Required.
    /// </summary>
    public string Issuer { get; set; } = "";

    /// <summary>The aud of issued access tokens: the hub's resource identifier. Defaults to <c>urn:interop:hub</c>.</summary>
    public string Audience { get; set; } = "urn:interop:hub";

    /// <summary>Lifetime of issued access tokens. Defaults to 5 minutes; at most 10 minutes.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead a client assertion's exp may be. Defaults to 5 minutes, which is also the maximum.</summary>
    public TimeSpan AssertionMaxLifetime { get; set; } = MaxAssertionLifetime;

    /// <summary>Clock skew tolerated on exp, nbf and iat. Defaults to 30 seconds; at most 60 seconds.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a hub signing key signs before its successor takes over. Defaults to 30 days; at least 1 hour.</summary>
    public TimeSpan SigningKeyRotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a new key is published before it signs. Defaults to 1 day; less than the rotation period.</summary>
    public TimeSpan SigningKeyPublicationLeadTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Timeout for fetching a client's or trusted issuer's JWKS URL. Defaults to 5 seconds; at most 30 seconds.</summary>
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a fetched JWKS is cached (IDistributedCache). Defaults to 10 minutes.</summary>
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Scopes advertised in the metadata (scopes_supported); empty leaves the member out. Defaults to empty.</summary>
    public IList<string> ScopesSupported { get; set; } = new List<string>();

    /// <summary>External issuers whose tokens may be exchanged (RFC 8693). Defaults to none.</summary>
    public IList<TrustedIssuerOptions> TrustedIssuers { get; set; } = new List<TrustedIssuerOptions>();

    /// <summary>The token endpoint URL, which client assertions must name as their aud.</summary>
    public string TokenEndpoint => Issuer.TrimEnd('/') + "/token";

    /// <summary>The JWKS URL published in the metadata.</summary>
    public string JwksUri => Issuer.TrimEnd('/') + "/jwks";
}
