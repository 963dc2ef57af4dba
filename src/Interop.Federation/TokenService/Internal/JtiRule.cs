namespace Interop.Federation.TokenService.Internal;

/// <summary>
/// The NL GOV profile asks for a jti of at least 128 bits of entropy. Entropy cannot be measured from one value, so
/// the rule is on length, assuming a random encoding: a jti of only hex digits (and hyphens, as in a UUID) needs at
/// least 32 hex digits (128 bits); any other jti needs at least 22 characters (22 base64url characters carry 132 bits).
/// At most 256 characters, printable ASCII only, so replay keys stay small.
/// </summary>
internal static class JtiRule
{
    public const int MinimumLength = 22;
    public const int MinimumHexDigits = 32;
    public const int MaximumLength = 256;

    public static bool IsAcceptable(string jti)
    {
        if (jti.Length is < MinimumLength or > MaximumLength || jti.Any(c => c is < '!' or > '~'))
        {
            return false;
        }

        var hexOnly = jti.All(c => char.IsAsciiHexDigit(c) || c == '-');
        return !hexOnly || jti.Count(char.IsAsciiHexDigit) >= MinimumHexDigits;
    }
}
