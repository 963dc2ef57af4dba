using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Hub.Handovers;

/// <summary>
/// The opaque page token of ListHandovers: where the previous page ended (offer time and handover id: keyset paging,
/// so handovers offered between pages neither repeat nor shift others out) and a hash of the filters it was issued
/// for, because a token is valid only with the same filters (common.proto). The filters are hashed, not embedded,
/// because they may name a jongere.
/// </summary>
internal static class HandoverPageToken
{
    private const string Version = "h1";

    /// <summary>A token that continues after (<paramref name="offerTime"/>, <paramref name="handoverId"/>) under <paramref name="filters"/>.</summary>
    public static string Create(long offerTime, string handoverId, string filters) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Version, offerTime.ToString(CultureInfo.InvariantCulture), handoverId, Hash(filters))));

    /// <summary>The position to continue after; false when the token is malformed or was issued for other filters.</summary>
    public static bool TryRead(string token, string filters, out long offerTime, out string handoverId)
    {
        offerTime = 0;
        handoverId = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        if (parts.Length != 4 || parts[0] != Version || parts[3] != Hash(filters)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offerTime)
            || !Guid.TryParseExact(parts[2], "D", out _))
        {
            return false;
        }

        handoverId = parts[2];
        return true;
    }

    private static string Hash(string filters) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filters)).AsSpan(0, 16));
}
