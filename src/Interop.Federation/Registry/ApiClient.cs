namespace Interop.Federation.Registry;

/// <summary>
/// An API client of a partner organisation. It authenticates with private_key_jwt (RFC 7523) using a key from its
/// registered public keys: a JWK set held in the registry, or a JWKS URL the hub fetches.
/// </summary>
/// <param name="ClientId">The client_id (also the iss and sub of its assertions).</param>
/// <param name="OrganisationOin">The OIN of the organisation it belongs to.</param>
/// <param name="Jwks">Its public keys as a JWK set (JSON), or null when <paramref name="JwksUrl"/> is set.</param>
/// <param name="JwksUrl">Where its JWK set is published, or null when <paramref name="Jwks"/> is set.</param>
/// <param name="AllowedScopes">The scopes it may obtain.</param>
/// <param name="Enabled">False refuses its assertions (invalid_client).</param>
public sealed record ApiClient(
    string ClientId,
    string OrganisationOin,
    string? Jwks,
    Uri? JwksUrl,
    IReadOnlyList<string> AllowedScopes,
    bool Enabled = true);
