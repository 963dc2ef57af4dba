using System.Security.Cryptography;

namespace Interop.Privacy.Internal;

/// <summary>
/// HMAC-SHA256 under one key, with a keyed context kept per thread. A one-shot HMAC sets up its context and looks the
/// algorithm up in OpenSSL on every call (about 1.8 µs on the benchmark machine); a kept context is reset and reused
/// (about 0.8 µs). Every request naming a jongere by BSN computes two.
/// </summary>
internal sealed class ThreadLocalHmac(byte[] key)
{
    private readonly ThreadLocal<IncrementalHash> _hash = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));

    /// <summary>Writes HMAC-SHA256(key, <paramref name="input"/>) to <paramref name="destination"/> (32 bytes).</summary>
    public void Compute(ReadOnlySpan<byte> input, Span<byte> destination)
    {
        var hash = _hash.Value!;
        hash.AppendData(input);
        hash.GetHashAndReset(destination);
    }
}
