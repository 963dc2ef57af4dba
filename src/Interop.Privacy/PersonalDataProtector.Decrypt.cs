using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Interop.Privacy;

public sealed partial class PersonalDataProtector
{
    private bool TryUnprotect(ReadOnlySpan<byte> protectedData, ReadOnlySpan<byte> associatedData,
        [NotNullWhen(true)] out byte[]? plaintext, out string error)
    {
        plaintext = null;
        RequireContext(associatedData);
        if (protectedData.Length < Overhead)
        {
            error = "The protected data is too short.";
            return false;
        }

        if (protectedData[0] != FormatVersion)
        {
            error = $"The protected data has unknown format {protectedData[0]}.";
            return false;
        }

        if (!_keys.TryGetValue(protectedData[1], out var key))
        {
            error = $"The protected data was encrypted with key id {protectedData[1]}, which is not in the key ring.";
            return false;
        }

        var result = new byte[protectedData.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(protectedData.Slice(HeaderSize, NonceSize), protectedData[Overhead..],
                protectedData.Slice(HeaderSize + NonceSize, TagSize), result,
                AuthenticatedData(protectedData[..HeaderSize], associatedData));
        }
        catch (AuthenticationTagMismatchException)
        {
            // AesGcm has already zeroed the output; say why without distinguishing tampering from wrong context,
            // which GCM cannot tell apart anyway.
            error = "The protected data failed authentication: it was altered, or belongs to another context (associated data).";
            return false;
        }

        plaintext = result;
        error = "";
        return true;
    }

    // The header (format, key id) is authenticated too, so it cannot be changed to steer decryption.
    private static byte[] AuthenticatedData(ReadOnlySpan<byte> header, ReadOnlySpan<byte> associatedData)
    {
        var data = new byte[header.Length + associatedData.Length];
        header.CopyTo(data);
        associatedData.CopyTo(data.AsSpan(header.Length));
        return data;
    }

    // Without a context a ciphertext could be moved to any record: require one.
    private static void RequireContext(ReadOnlySpan<byte> associatedData)
    {
        if (associatedData.IsEmpty)
        {
            throw new ArgumentException("Associated data (the context the data belongs to, e.g. the referral id) is required.", nameof(associatedData));
        }
    }
}
