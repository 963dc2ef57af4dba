using System.Text.Json;
using Interop.Federation.Keys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Interop.Federation.TokenService.Internal;

/// <summary>GET /.well-known/oauth-authorization-server (RFC 8414) and GET /jwks (RFC 7517, public keys only).</summary>
internal sealed class DiscoveryEndpoints
{
    private readonly HubSigningKeyManager _keys;
    private readonly IOptions<TokenServiceOptions> _options;

    public DiscoveryEndpoints(HubSigningKeyManager keys, IOptions<TokenServiceOptions> options)
    {
        _keys = keys;
        _options = options;
    }

    public Task WriteMetadataAsync(HttpContext context)
    {
        var options = _options.Value;
        var metadata = new Dictionary<string, object>
        {
            ["issuer"] = options.Issuer,
            ["token_endpoint"] = options.TokenEndpoint,
            ["jwks_uri"] = options.JwksUri,
            ["grant_types_supported"] = new[] { OAuthConstants.ClientCredentialsGrant, OAuthConstants.TokenExchangeGrant },
            // RFC 8414 section 2 makes response_types_supported required; the hub has no authorization endpoint.
            ["response_types_supported"] = Array.Empty<string>(),
            ["token_endpoint_auth_methods_supported"] = new[] { OAuthConstants.PrivateKeyJwt },
            ["token_endpoint_auth_signing_alg_values_supported"] = OAuthConstants.AcceptedAlgorithms,
        };
        if (options.ScopesSupported.Count > 0)
        {
            metadata["scopes_supported"] = options.ScopesSupported;
        }

        return WriteAsync(context, metadata, "public, max-age=3600");
    }

    public async Task WriteJwksAsync(HttpContext context)
    {
        var ring = await _keys.GetKeyRingAsync(context.RequestAborted).ConfigureAwait(false);
        // Only the public members: the ring's published keys were built from public parameters alone.
        var keys = ring.PublishedKeys.Select(k => new Dictionary<string, string>
        {
            ["kty"] = k.Kty,
            ["use"] = k.Use,
            ["alg"] = k.Alg,
            ["kid"] = k.Kid,
            ["n"] = k.N,
            ["e"] = k.E,
        }).ToList();
        // Validators may cache for five minutes: a new key is published a lead time (default a day) before it signs.
        await WriteAsync(context, new Dictionary<string, object> { ["keys"] = keys }, "public, max-age=300").ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, object body, string cacheControl)
    {
        context.Response.Headers.CacheControl = cacheControl;
        context.Response.ContentType = "application/json;charset=UTF-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
