using System.Security.Cryptography;
using Interop.Federation.Keys;
using Interop.Federation.Registry;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.TokenService.Internal;

/// <summary>Issues JWT access tokens per RFC 9068, signed RS256 by the hub's current key.</summary>
internal sealed class AccessTokenIssuer
{
    private readonly HubSigningKeyManager _keys;
    private readonly IOptions<TokenServiceOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public AccessTokenIssuer(HubSigningKeyManager keys, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
    {
        _keys = keys;
        _options = options;
        _timeProvider = timeProvider;
    }

    public async Task<(string Token, TimeSpan Lifetime)> IssueAsync(
        AuthenticatedClient client, IReadOnlyList<string> scopes, IReadOnlyDictionary<string, object>? extraClaims, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var ring = await _keys.GetKeyRingAsync(cancellationToken).ConfigureAwait(false);
        var now = _timeProvider.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            // RFC 9068 section 2.2: for a client acting on its own behalf, sub is the client_id.
            [JwtRegisteredClaimNames.Sub] = client.Client.ClientId,
            ["client_id"] = client.Client.ClientId,
            ["scope"] = string.Join(' ', scopes),
            [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [HubClaimNames.Oin] = client.Organisation.Oin,
            [HubClaimNames.OrganisationKind] = client.Organisation.Kind.ToWireName(),
        };
        if (client.Organisation.RmcRegion is { } region)
        {
            claims[HubClaimNames.RmcRegion] = region;
        }

        if (extraClaims is not null)
        {
            foreach (var (name, value) in extraClaims)
            {
                claims[name] = value;
            }
        }

        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = OAuthConstants.AccessTokenJwtType,
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + options.AccessTokenLifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = ring.SigningCredentials,
        };
        return (_handler.CreateToken(descriptor), options.AccessTokenLifetime);
    }
}
