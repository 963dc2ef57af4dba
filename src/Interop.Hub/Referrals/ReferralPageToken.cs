using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Hub.Referrals;

/// <summary>
/// The opaque page token of the referral lists: the position the previous page ended at (keyset paging, so referrals
/// submitted between pages neither repeat nor shift others out) and a hash of the listing it belongs to (which list,
/// the caller and every filter), because a token is only valid with the same filters (common.proto). The hash is of
/// the canonical filter form in which a BSN already is the hub's keyed pseudonym, so a token reveals no BSN.
/// </summary>
internal static class ReferralPageToken
{
    private const string Version = "r1";

    /// <summary>The hash a token is bound to, of the canonical form of a listing.</summary>
    public static string Bind(string canonicalListing) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalListing)).AsSpan(0, 16));

    /// <summary>A token that continues after <paramref name="position"/> in the listing bound to <paramref name="binding"/>.</summary>
    public static string Create(ReferralPagePosition position, string binding) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Version, position.SubmitTime.ToString(CultureInfo.InvariantCulture), position.ReferralId, binding)));

    /// <summary>The position to continue after; null when the token is malformed or belongs to another listing.</summary>
    public static ReferralPagePosition? Read(string token, string binding)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var parts = text.Split('\n');
        if (parts.Length != 4 || parts[0] != Version || parts[3] != binding
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var submitTime)
            || !ReferralFields.IsCanonicalUuid(parts[2]))
        {
            return null;
        }

        return new ReferralPagePosition(submitTime, parts[2]);
    }
}
