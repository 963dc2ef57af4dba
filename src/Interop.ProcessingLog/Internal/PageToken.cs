using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Interop.ProcessingLog.Internal;

/// <summary>
/// Keyset page tokens: the sequence number of the last record of the page and a fingerprint of the listing it belongs
/// to (column, value and filter), behind a version byte, base64url. Opaque to callers; a token that does not decode,
/// or belongs to another listing or filter, is refused rather than read as the first page. The fingerprint is a
/// truncated SHA-256, so the token does not reveal the pseudonym or OIN listed.
/// </summary>
internal static class PageToken
{
    private const byte Version = 2;
    private const int FingerprintSize = 8;
    private const int Size = 1 + 8 + FingerprintSize;

    /// <summary>The fingerprint of a listing: tokens are valid only for the listing they were issued for.</summary>
    public static byte[] Fingerprint(string column, string value, ProcessingLogFilter filter)
    {
        var text = string.Join(
            '\n',
            column,
            value,
            filter.StartTimeFrom?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-",
            filter.StartTimeBefore?.UtcTicks.ToString(CultureInfo.InvariantCulture) ?? "-",
            filter.DataSubjectRef ?? "-");
        return SHA256.HashData(Encoding.UTF8.GetBytes(text))[..FingerprintSize];
    }

    public static string Encode(long lastSequence, byte[] fingerprint)
    {
        Span<byte> bytes = stackalloc byte[Size];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..9], lastSequence);
        fingerprint.CopyTo(bytes[9..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The sequence to read below, or null for the first page.</summary>
    public static long? Decode(string? token, byte[] fingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Size + 3];
        if (!Base64Url.IsValid(token, out var length) || length != Size
            || Base64Url.DecodeFromChars(token, bytes) != Size || bytes[0] != Version
            || !bytes[9..Size].SequenceEqual(fingerprint))
        {
            throw new ArgumentException("The page token is not valid for this listing.", nameof(token));
        }

        var sequence = BinaryPrimitives.ReadInt64BigEndian(bytes[1..9]);
        return sequence > 0 ? sequence : throw new ArgumentException("The page token is not valid for this listing.", nameof(token));
    }
}
