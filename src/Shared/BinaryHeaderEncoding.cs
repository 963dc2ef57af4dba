namespace Interop.Grpc.Shared;

/// <summary>
/// -bin metadata values travel base64-encoded. Senders omit padding; receivers accept padded and unpadded
/// (PROTOCOL-HTTP2.md, Custom-Metadata). Several values of one key may arrive joined by commas.
/// </summary>
internal static class BinaryHeaderEncoding
{
    public static string Encode(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    /// <summary>Decodes one base64 value, padded or not. False for anything that is not base64.</summary>
    public static bool TryDecode(ReadOnlySpan<char> value, out byte[] bytes)
    {
        value = value.Trim(' ');
        var padding = (4 - (value.Length % 4)) % 4;
        if (padding == 3)
        {
            bytes = [];
            return false;
        }

        Span<char> padded = value.Length + padding <= 512 ? stackalloc char[value.Length + padding] : new char[value.Length + padding];
        value.CopyTo(padded);
        padded[value.Length..].Fill('=');
        var buffer = new byte[(padded.Length / 4) * 3];
        if (!Convert.TryFromBase64Chars(padded, buffer, out var written))
        {
            bytes = [];
            return false;
        }

        bytes = written == buffer.Length ? buffer : buffer[..written];
        return true;
    }
}
