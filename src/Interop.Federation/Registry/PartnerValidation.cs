using System.Text.Json;
using Interop.Contracts.V1;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Registry;

/// <summary>Checks registry entries before they are stored; every check collects all problems at once.</summary>
public static class PartnerValidation
{
    /// <summary>Minimum RSA modulus size accepted for client keys (NL GOV profile and NIST SP 800-131A: 2048 bits).</summary>
    public const int MinimumRsaKeySizeInBits = 2048;

    /// <summary>Problems with <paramref name="organisation"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(Organisation organisation)
    {
        var errors = new List<string>();
        if (Oin.Validate(organisation.Oin) is { } oinError)
        {
            errors.Add(oinError);
        }

        if (string.IsNullOrWhiteSpace(organisation.Name) || organisation.Name.Length > 200)
        {
            errors.Add("Name is required (at most 200 characters).");
        }

        if (!Enum.IsDefined(organisation.Kind))
        {
            errors.Add($"Kind must be one of: {string.Join(", ", OrganisationKinds.WireNames)}.");
        }

        if (organisation.RmcRegion is { } region && (region.Length is 0 or > 16 || !region.All(char.IsAsciiLetterOrDigit)))
        {
            errors.Add($"RMC region '{region}' must be 1-16 letters or digits (e.g. RMC23).");
        }

        errors.AddRange(ValidateReferralLeefgebieden(organisation.ReferralLeefgebieden));
        return errors;
    }

    /// <summary>
    /// Problems with the leefgebieden an organisation accepts referrals for: each must be a defined leefgebied (not
    /// UNSPECIFIED), each at most once.
    /// </summary>
    public static IReadOnlyList<string> ValidateReferralLeefgebieden(IEnumerable<Leefgebied>? leefgebieden)
    {
        if (leefgebieden is null)
        {
            return ["Referral leefgebieden are required (empty when it accepts no referrals)."];
        }

        var errors = new List<string>();
        var seen = new HashSet<Leefgebied>();
        foreach (var leefgebied in leefgebieden)
        {
            if (!Leefgebieden.IsAcceptable(leefgebied))
            {
                errors.Add($"Referral leefgebied {(int)leefgebied} is not one of: {string.Join(", ", Leefgebieden.WireNames)}.");
            }
            else if (!seen.Add(leefgebied))
            {
                errors.Add($"Referral leefgebied '{leefgebied.ToWireName()}' is listed more than once.");
            }
        }

        return errors;
    }

    /// <summary>Problems with <paramref name="client"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(ApiClient client)
    {
        var errors = new List<string>();
        if (!IsValidClientId(client.ClientId))
        {
            errors.Add($"client_id '{client.ClientId}' must be 1-128 characters from A-Z a-z 0-9 . _ : -.");
        }

        if (Oin.Validate(client.OrganisationOin) is { } oinError)
        {
            errors.Add(oinError);
        }

        errors.AddRange(ValidateKeySource(client.Jwks, client.JwksUrl));
        if (client.AllowedScopes.Count == 0)
        {
            errors.Add("At least one allowed scope is required.");
        }

        errors.AddRange(client.AllowedScopes.Where(s => !IsValidScopeToken(s)).Select(s => $"Scope '{s}' is not a valid scope token (RFC 6749 section 3.3)."));
        return errors;
    }

    /// <summary>Problems with a client's key source: exactly one of a JWK set or an https (or loopback http) JWKS URL.</summary>
    public static IReadOnlyList<string> ValidateKeySource(string? jwks, Uri? jwksUrl)
    {
        if ((jwks is null) == (jwksUrl is null))
        {
            return ["Exactly one of a JWK set or a JWKS URL is required."];
        }

        if (jwksUrl is not null)
        {
            var httpsOrLoopback = jwksUrl.IsAbsoluteUri && (jwksUrl.Scheme == Uri.UriSchemeHttps || (jwksUrl.Scheme == Uri.UriSchemeHttp && jwksUrl.IsLoopback));
            return httpsOrLoopback ? [] : [$"JWKS URL '{jwksUrl}' must be an absolute https URL (http only for loopback)."];
        }

        return ValidatePublicJwks(jwks!);
    }

    /// <summary>
    /// Problems with a JWK set of client public keys: each key needs a unique kid, is RSA (at least 2048 bits) or
    /// EC P-256, and carries no private or symmetric material (a leaked private key must never reach the registry).
    /// </summary>
    public static IReadOnlyList<string> ValidatePublicJwks(string jwks)
    {
        var errors = new List<string>();
        JsonWebKeySet set;
        try
        {
            using var document = JsonDocument.Parse(jwks);
            foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
            {
                foreach (var privatePart in new[] { "d", "p", "q", "dp", "dq", "qi", "k" })
                {
                    if (key.TryGetProperty(privatePart, out _))
                    {
                        errors.Add($"A key carries the private or symmetric parameter '{privatePart}': register public keys only.");
                    }
                }
            }

            set = new JsonWebKeySet(jwks);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return [$"Not a JWK set: {ex.Message}"];
        }

        if (set.Keys.Count == 0)
        {
            errors.Add("The JWK set holds no keys.");
        }

        var kids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (string.IsNullOrEmpty(key.Kid) || !kids.Add(key.Kid))
            {
                errors.Add("Every key needs a kid, unique within the set.");
            }

            var ok = key.Kty switch
            {
                JsonWebAlgorithmsKeyTypes.RSA => key.N is not null && key.E is not null && Base64UrlEncoder.DecodeBytes(key.N).Length * 8 >= MinimumRsaKeySizeInBits,
                JsonWebAlgorithmsKeyTypes.EllipticCurve => key.Crv == JsonWebKeyECTypes.P256 && key.X is not null && key.Y is not null,
                _ => false,
            };
            if (!ok)
            {
                errors.Add($"Key '{key.Kid}' must be RSA (>= {MinimumRsaKeySizeInBits} bits) or EC P-256.");
            }
        }

        return errors;
    }

    /// <summary>True for a client_id the registry accepts.</summary>
    public static bool IsValidClientId(string? clientId) =>
        !string.IsNullOrEmpty(clientId) && clientId.Length <= 128 && clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');

    /// <summary>True for a scope-token of RFC 6749 section 3.3: 1*( %x21 / %x23-5B / %x5D-7E ).</summary>
    public static bool IsValidScopeToken(string scope) =>
        scope.Length is > 0 and <= 128 && scope.All(c => c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E));
}
