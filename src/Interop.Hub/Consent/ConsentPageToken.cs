using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Hub.Consent;

/// <summary>
/// The opaque page token of ListConsents: the (record_time, consent_id) the previous page ended with (keyset paging,
/// so consents recorded between pages neither repeat nor shift others out) and a hash of the filters it was issued
/// for, because PageRequest makes a token valid only with the same filters (common.proto). The filters include the
/// jongere, so the token carries only a SHA-256 of them: no BSN or pseudonym in clear.
/// </summary>
internal static class ConsentPageToken
{
    private const string Version = "c1";

    /// <summary>The filter fingerprint of a listing of <paramref name="subjectKey"/> (a pseudonym or subject_ref).</summary>
    public static string Filters(string subjectKey, bool includeInactive) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subjectKey + "\n" + (includeInactive ? "all" : "active"))))[..32];

    /// <summary>A token that continues after (<paramref name="recordTime"/>, <paramref name="consentId"/>) under <paramref name="filters"/>.</summary>
    public static string Create(long recordTime, string consentId, string filters) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', Version, recordTime.ToString(CultureInfo.InvariantCulture), consentId, filters)));

    /// <summary>The key to continue after; false when the token is malformed or was issued for other filters.</summary>
    public static bool TryRead(string token, string filters, out long recordTime, out string consentId)
    {
        recordTime = 0;
        consentId = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var parts = text.Split('\n');
        if (parts.Length != 4 || parts[0] != Version || parts[3] != filters
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out recordTime)
            || !ConsentFieldRules.IsConsentId(parts[2]))
        {
            return false;
        }

        consentId = parts[2];
        return true;
    }
}
