namespace Interop.Federation.TokenService;

/// <summary>
/// An external identity provider whose access tokens the hub exchanges for its own (RFC 8693), e.g. a gemeente's IdP
/// or another regional hub.
/// </summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>The exact iss value of its tokens. Required.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>Where its JWK set is published (https, or http on loopback). Exactly one of this and <see cref="Jwks"/>.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>Its JWK set (JSON) when it is configured statically. Exactly one of this and <see cref="JwksUrl"/>.</summary>
    public string? Jwks { get; set; }

    /// <summary>The OIN of the organisation it may speak for: only that organisation's clients may exchange its tokens. Required.</summary>
    public string OrganisationOin { get; set; } = "";

    /// <summary>The most scopes an exchanged token may carry. Required, at least one.</summary>
    public IList<string> MaxScopes { get; set; } = new List<string>();
}
