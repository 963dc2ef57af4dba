using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Privacy;

/// <summary>
/// Encrypts personal data that must be stored to be passed on (a BSN that a referral's receiver needs): AES-256-GCM
/// with a random 96-bit nonce, bound to its context by associated data (for example the referral id), so a
/// ciphertext copied onto another record does not decrypt.
/// </summary>
/// <remarks>
/// Output format 1: byte 0 = format (1), byte 1 = key id (1-255), 12 bytes nonce, 16 bytes tag, then the ciphertext
/// (as long as the plaintext). The two header bytes are authenticated together with the caller's associated data, so
/// neither can be altered. The key id lets keys rotate: new data uses <see cref="CurrentKeyId"/>, older data still
/// decrypts while its key stays in the ring. Random 96-bit nonces are safe for well below 2^32 encryptions per key
/// (NIST SP 800-38D 8.3); rotate long before that. Thread-safe.
/// </remarks>
public sealed partial class PersonalDataProtector
{
    /// <summary>The output format this version writes and reads.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Nonce size in bytes (96 bits, the GCM recommendation).</summary>
    public const int NonceSize = 12;

    /// <summary>Authentication tag size in bytes (128 bits).</summary>
    public const int TagSize = 16;

    /// <summary>Bytes added to a plaintext: format, key id, nonce and tag.</summary>
    public const int Overhead = HeaderSize + NonceSize + TagSize;

    private const int HeaderSize = 2;

    private readonly Dictionary<byte, byte[]> _keys;

    /// <summary>Creates a protector over a key ring.</summary>
    /// <param name="currentKeyId">The key id new encryptions use; must be in <paramref name="keys"/>.</param>
    /// <param name="keys">Key id (1-255) to AES-256 key (32 bytes). Copied.</param>
    public PersonalDataProtector(byte currentKeyId, IReadOnlyDictionary<byte, byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = new Dictionary<byte, byte[]>(keys.Count);
        foreach (var (id, key) in keys)
        {
            if (id == 0)
            {
                throw new ArgumentException("Key id 0 is reserved; use 1-255.", nameof(keys));
            }

            if (key is null || key.Length != PrivacyOptions.EncryptionKeyBytes)
            {
                throw new ArgumentException($"Key {id} must be {PrivacyOptions.EncryptionKeyBytes} bytes (AES-256).", nameof(keys));
            }

            _keys.Add(id, (byte[])key.Clone());
        }

        if (!_keys.ContainsKey(currentKeyId))
        {
            throw new ArgumentException($"The current key id {currentKeyId} is not in the key ring.", nameof(currentKeyId));
        }

        CurrentKeyId = currentKeyId;
    }

    /// <summary>The key id new encryptions use.</summary>
    public byte CurrentKeyId { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> under the current key, bound to <paramref name="associatedData"/>.</summary>
    /// <param name="plaintext">The data to protect.</param>
    /// <param name="associatedData">The context the ciphertext belongs to (e.g. "referral/{id}/bsn"); not empty.</param>
    public byte[] Protect(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        RequireContext(associatedData);
        var output = new byte[Overhead + plaintext.Length];
        output[0] = FormatVersion;
        output[1] = CurrentKeyId;
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(Overhead), output.AsSpan(HeaderSize + NonceSize, TagSize),
            AuthenticatedData(output.AsSpan(0, HeaderSize), associatedData));
        return output;
    }

    /// <summary>Encrypts the UTF-8 form of <paramref name="plaintext"/>, bound to <paramref name="associatedData"/> (UTF-8).</summary>
    public byte[] Protect(string plaintext, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentNullException.ThrowIfNull(associatedData);
        return Protect(Encoding.UTF8.GetBytes(plaintext), Encoding.UTF8.GetBytes(associatedData));
    }

    /// <summary>Decrypts data from <see cref="Protect(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</summary>
    /// <exception cref="CryptographicException">
    /// The data is malformed, of an unknown format or key id, altered, or was protected with other associated data.
    /// The message says which, and never contains the data.
    /// </exception>
    public byte[] Unprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData) =>
        TryUnprotect(protectedData, associatedData, out var plaintext, out var error)
            ? plaintext
            : throw new CryptographicException(error);

    /// <summary>Decrypts data from <see cref="Protect(string, string)"/> back to a string.</summary>
    /// <exception cref="CryptographicException">See <see cref="Unprotect(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.</exception>
    public string Unprotect(ReadOnlySpan<byte> protectedData, string associatedData)
    {
        ArgumentNullException.ThrowIfNull(associatedData);
        return Encoding.UTF8.GetString(Unprotect(protectedData, Encoding.UTF8.GetBytes(associatedData)));
    }

    /// <summary>Decrypts, returning false instead of throwing when the data cannot be authenticated.</summary>
    /// <exception cref="ArgumentException"><paramref name="associatedData"/> is empty (a caller error, not bad data).</exception>
    public bool TryUnprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData, [NotNullWhen(true)] out byte[]? plaintext) =>
        TryUnprotect(protectedData, associatedData, out plaintext, out _);

    /// <summary>The key id <paramref name="protectedData"/> was encrypted with, to find data a rotation should re-encrypt.</summary>
    /// <exception cref="CryptographicException">Not data of a known format.</exception>
    public static byte GetKeyId(ReadOnlySpan<byte> protectedData) =>
        protectedData.Length >= Overhead && protectedData[0] == FormatVersion
            ? protectedData[1]
            : throw new CryptographicException("The protected data is not of a known format.");
}
