using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Interop.Federation.Grpc.Internal;

/// <summary>
/// The SHA-256 of an access token's exact compact serialization: the key of <see cref="ValidatedTokenCache"/>, so the
/// cache never holds a bearer token (a memory dump yields hashes, which cannot be presented). Any change to the string,
/// one character of header, payload or signature, gives another hash and therefore a full validation.
/// </summary>
internal readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    public static TokenHash Compute(string token)
    {
        // A rented buffer, not stackalloc: a stack buffer big enough for a token (about 1 KB, up to 4 KB with claims)
        // is zeroed on every call.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
        var written = 0;
        try
        {
            written = Encoding.UTF8.GetBytes(token, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), hash);
            var words = MemoryMarshal.Cast<byte, ulong>(hash);
            return new TokenHash(words[0], words[1], words[2], words[3]);
        }
        finally
        {
            // The pool's next renter must not find the token.
            buffer.AsSpan(0, written).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
