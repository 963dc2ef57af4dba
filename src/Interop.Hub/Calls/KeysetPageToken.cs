using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Hub.Calls;

/// <summary>
/// The opaque page token of the hub's keyset-paged listings: a version tag, the (time, id) the previous page ended
/// with (so items added between pages neither repeat nor shift others out) and a binding, a truncated SHA-256 of the
/// listing's canonical form (which list, the caller, every filter), because a token is only valid with the same
/// filters (common.proto). The binding is a hash, so a token reveals no filter, in particular no jongere.
/// </summary>
internal static class KeysetPageToken
{
    /// <summary>The binding of a listing, from its canonical form (a jongere in it as the hub's pseudonym or a ref).</summary>
    public static string Bind(string canonicalListing) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalListing)).AsSpan(0, 16));

    /// <summary>A token of listing kind <paramref name="version"/> that continues after (<paramref name="time"/>, <paramref name="id"/>).</summary>
    public static string Create(string version, long time, string id, string binding) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', version, time.ToString(CultureInfo.InvariantCulture), id, binding)));

    /// <summary>
    /// The position to continue after; false when the token is malformed, of another kind of listing, bound to other
    /// filters, or holds an id <paramref name="isValidId"/> refuses.
    /// </summary>
    public static bool TryRead(string token, string version, string binding, Func<string, bool> isValidId, out long time, out string id)
    {
        ArgumentNullException.ThrowIfNull(isValidId);
        time = 0;
        id = "";
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return false;
        }

        var parts = text.Split('\n');
        if (parts.Length != 4 || parts[0] != version || parts[3] != binding
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out time)
            || !isValidId(parts[2]))
        {
            time = 0;
            return false;
        }

        id = parts[2];
        return true;
    }
}
