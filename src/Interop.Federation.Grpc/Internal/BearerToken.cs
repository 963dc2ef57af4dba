using System.Buffers;
using Microsoft.Extensions.Primitives;

namespace Interop.Federation.Grpc.Internal;

/// <summary>Reads the bearer token of the authorization header (RFC 6750 section 2.1).</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>
    /// The token, or null with the reason. Exactly one authorization header, of the form "Bearer" (any case: auth
    /// schemes are case-insensitive, RFC 9110 section 11.1), one space, and a b64token.
    /// </summary>
    public static string? Read(StringValues headers, out string reason, out bool credentialsPresent)
    {
        credentialsPresent = headers.Count > 0;
        if (headers.Count == 0)
        {
            reason = "no authorization header";
            return null;
        }

        if (headers.Count > 1)
        {
            reason = "more than one authorization header";
            return null;
        }

        var value = headers[0] ?? string.Empty;
        var hasScheme = value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && (value.Length == Scheme.Length || value[Scheme.Length] == ' ');
        if (!hasScheme)
        {
            reason = "not a Bearer authorization";
            return null;
        }

        if (value.Length <= Scheme.Length + 1)
        {
            reason = "empty bearer token";
            return null;
        }

        var token = value[(Scheme.Length + 1)..];
        if (!IsB64Token(token))
        {
            reason = "malformed bearer token";
            return null;
        }

        reason = string.Empty;
        return token;
    }

    // The characters of a b64token before its padding, searched vectorized: every call checks a token of ~1 KB.
    private static readonly SearchValues<char> TokenCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");

    /// <summary>b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" (RFC 6750 section 2.1).</summary>
    private static bool IsB64Token(ReadOnlySpan<char> token)
    {
        var padding = token.IndexOfAnyExcept(TokenCharacters);
        return padding switch
        {
            < 0 => !token.IsEmpty,
            0 => false,
            _ => !token[padding..].ContainsAnyExcept('='),
        };
    }
}
