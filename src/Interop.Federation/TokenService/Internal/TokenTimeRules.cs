using Microsoft.IdentityModel.JsonWebTokens;

namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// Lifetime checks done against the injected TimeProvider (IdentityModel's own lifetime validation reads the system
/// clock, so it is switched off and these run instead).
/// </summary>
internal static class TokenTimeRules
{
    /// <summary>Null when exp, nbf and iat are acceptable at <paramref name="now"/>, else the reason.</summary>
    public static RefusalReason? Check(JsonWebToken token, DateTimeOffset now, TimeSpan skew, TimeSpan? maxLifetimeAhead)
    {
        // JsonWebToken reports an absent claim as DateTime.MinValue.
        if (token.ValidTo == DateTime.MinValue)
        {
            return RefusalReason.MissingExpiry;
        }

        var exp = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        if (now > exp + skew)
        {
            return RefusalReason.Expired;
        }

        if (token.ValidFrom != DateTime.MinValue && new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) > now + skew)
        {
            return RefusalReason.NotYetValid;
        }

        if (token.IssuedAt != DateTime.MinValue && new DateTimeOffset(token.IssuedAt, TimeSpan.Zero) > now + skew)
        {
            return RefusalReason.IssuedInFuture;
        }

        // RFC 7523 section 3 lets the server limit how far ahead exp may be; the NL GOV profile keeps assertions short.
        if (maxLifetimeAhead is { } max && exp > now + max + skew)
        {
            return RefusalReason.ExpiryTooFarAhead;
        }

        return null;
    }
}
