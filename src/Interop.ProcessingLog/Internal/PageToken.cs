using System.Buffers.Binary;
using System.Buffers.Text;

namespace Interop.ProcessingLog.Internal;

/// <summary>
/// Keyset page tokens: the sequence number of the last record of the page, behind a version byte, base64url. Opaque
/// to callers; a token that does not decode is refused rather than read as the first page.
/// </summary>
internal static class PageToken
{
    private const byte Version = 1;

    public static string Encode(long lastSequence)
    {
        Span<byte> bytes = stackalloc byte[9];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], lastSequence);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The sequence to read below, or null for the first page.</summary>
    public static long? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[12];
        if (!Base64Url.IsValid(token, out var length) || length != 9
            || Base64Url.DecodeFromChars(token, bytes) != 9 || bytes[0] != Version)
        {
            throw new ArgumentException("The page token is not valid.", nameof(token));
        }

        var sequence = BinaryPrimitives.ReadInt64BigEndian(bytes[1..9]);
        return sequence > 0 ? sequence : throw new ArgumentException("The page token is not valid.", nameof(token));
    }
}
