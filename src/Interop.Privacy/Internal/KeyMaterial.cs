namespace Interop.Privacy.Internal;

/// <summary>
/// Decodes base64 key material from configuration or a key file. Error messages name what is wrong and never
/// contain the key itself.
/// </summary>
internal static class KeyMaterial
{
    /// <summary>Decodes <paramref name="base64"/> (surrounding whitespace, e.g. a file's trailing newline, is ignored).</summary>
    /// <param name="base64">The encoded key.</param>
    /// <param name="minimumBytes">The least length accepted.</param>
    /// <param name="exactBytes">When set, the only length accepted.</param>
    /// <param name="key">The key when valid.</param>
    /// <param name="error">Why it is not valid, to append to the setting's name.</param>
    public static bool TryDecode(string base64, int minimumBytes, int? exactBytes, out byte[] key, out string error)
    {
        key = [];
        var trimmed = base64.Trim();
        if (trimmed.Length == 0)
        {
            error = "is empty";
            return false;
        }

        try
        {
            key = Convert.FromBase64String(trimmed);
        }
        catch (FormatException)
        {
            error = "is not valid base64";
            return false;
        }

        if (exactBytes is { } exact && key.Length != exact)
        {
            error = $"is {key.Length} bytes; it must be exactly {exact} bytes";
            return false;
        }

        if (key.Length < minimumBytes)
        {
            error = $"is {key.Length} bytes; at least {minimumBytes} bytes are required";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>Reads and decodes a key file.</summary>
    public static bool TryReadFile(string path, int minimumBytes, int? exactBytes, out byte[] key, out string error)
    {
        key = [];
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"('{path}') cannot be read: {ex.GetType().Name}";
            return false;
        }

        if (TryDecode(text, minimumBytes, exactBytes, out key, out var decodeError))
        {
            error = "";
            return true;
        }

        error = $"('{path}') {decodeError}";
        return false;
    }
}
