using System.Security.Cryptography;

namespace Interop.ProcessingLog.Internal;

/// <summary>
/// Random bytes for trace and span ids from the system's cryptographic generator, drawn a block at a time per
/// thread: one call into the generator costs about a microsecond (OpenSSL's locking and DRBG set-up), several
/// times the cost of the bytes themselves, and every hub call needs two ids plus one per processing record.
/// </summary>
/// <remarks>
/// Each byte is handed out once, on the thread that drew it; the block is cleared as it is consumed, so a thread's
/// buffer never holds an id already given out. Ids are not secrets (they travel in traceparent headers); the
/// cryptographic source keeps them unpredictable all the same.
/// </remarks>
internal static class RandomIdSource
{
    private const int BlockSize = 256;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    /// <summary>Fills <paramref name="destination"/> (at most 256 bytes) with random bytes.</summary>
    public static void Fill(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(destination.Length, BlockSize);
        var block = t_block;
        if (block is null || BlockSize - t_used < destination.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }

        var taken = block.AsSpan(t_used, destination.Length);
        taken.CopyTo(destination);
        taken.Clear();
        t_used += destination.Length;
    }
}
