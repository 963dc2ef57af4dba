using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Client;

/// <summary>Options of <see cref="ClientAssertionTokenProvider"/>.</summary>
public sealed class ClientAssertionOptions
{
    /// <summary>Where token requests are posted. Required.</summary>
    public Uri TokenEndpoint { get; set; } = null!;

    /// <summary>
    /// The aud of assertions: the hub's token endpoint as its metadata names it (token_endpoint). Defaults to
    /// <see cref="TokenEndpoint"/>; set it when the hub is reached through another address than its public one.
    /// </summary>
    public string? Audience { get; set; }

    /// <summary>The client_id (iss and sub of the assertion). Required.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The client's private key, with its KeyId set to the kid registered at the hub. Required.</summary>
    public SecurityKey SigningKey { get; set; } = null!;

    /// <summary>RS256 (default, required by the NL GOV profile) or PS256.</summary>
    public string Algorithm { get; set; } = SecurityAlgorithms.RsaSha256;

    /// <summary>Space-separated scopes to request; null asks for everything the client is allowed.</summary>
    public string? Scope { get; set; }

    /// <summary>Lifetime of each assertion. Defaults to 60 seconds.</summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The fraction of a token's lifetime after which it is refreshed. Defaults to 0.8.</summary>
    public double RefreshAtFraction { get; set; } = 0.8;
}
