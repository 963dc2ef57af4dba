using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Hub.Inzage;

/// <summary>
/// The opaque page token of the ProcessingLogService listings: the processing log's own token (keyset, bound to its
/// query) behind a fingerprint of the request's filters, so a token used with other filters is refused up front, with
/// the other bad fields, as PageRequest requires (common.proto). The fingerprint is a truncated SHA-256 over the
/// method, the caller and the filters (the jongere as the hub's pseudonym or the caller's subject_ref), so the token
/// reveals none of them.
/// </summary>
internal static class InzagePageToken
{
    private const byte Version = 1;
    private const int FingerprintSize = 16;

    /// <summary>The fingerprint of a listing's filters.</summary>
    public static byte[] Fingerprint(params string[] parts) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)))[..FingerprintSize];

    /// <summary>The token that continues a listing with the processing log's <paramref name="logToken"/>.</summary>
    public static string Create(string logToken, byte[] fingerprint)
    {
        var text = Encoding.UTF8.GetBytes(logToken);
        var bytes = new byte[1 + FingerprintSize + text.Length];
        bytes[0] = Version;
        fingerprint.CopyTo(bytes, 1);
        text.CopyTo(bytes, 1 + FingerprintSize);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// The processing log's token inside <paramref name="token"/>; false when the token is malformed or (when
    /// <paramref name="fingerprint"/> is given) was issued for other filters.
    /// </summary>
    public static bool TryRead(string token, byte[]? fingerprint, out string logToken)
    {
        logToken = "";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length <= 1 + FingerprintSize || bytes[0] != Version
            || (fingerprint is not null && !bytes.AsSpan(1, FingerprintSize).SequenceEqual(fingerprint)))
        {
            return false;
        }

        logToken = Encoding.UTF8.GetString(bytes, 1 + FingerprintSize, bytes.Length - 1 - FingerprintSize);
        return true;
    }
}
