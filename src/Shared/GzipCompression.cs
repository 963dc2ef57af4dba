using System.Buffers;
using System.IO.Compression;

namespace Interop.Grpc.Shared;

/// <summary>The outcome of decompressing one message.</summary>
internal enum DecompressResult
{
    Ok,

    /// <summary>The data is not valid gzip: INTERNAL.</summary>
    Corrupt,

    /// <summary>The data inflates past the receive limit: RESOURCE_EXHAUSTED (guards against compression bombs).</summary>
    TooLarge,
}

/// <summary>gzip for message compression (grpc-encoding: gzip, compression.md).</summary>
internal static class GzipCompression
{
    // 10-byte header + at least one (empty) deflate block + 8-byte trailer.
    private const int MinimumMemberSize = 20;

    // .NET's GZipStream writes nothing at all for empty input, which no peer can inflate; an empty message is sent
    // as the canonical empty member instead: header, one empty final fixed-Huffman block, CRC32 0 and ISIZE 0.
    private static readonly byte[] EmptyMember =
        [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0x03, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return (byte[])EmptyMember.Clone();
        }

        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static DecompressResult TryDecompress(ReadOnlySequence<byte> data, int maxSize, out byte[] result)
    {
        result = [];
        try
        {
            using var input = new MemoryStream(data.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
                {
                    if (output.Length + read > maxSize)
                    {
                        return DecompressResult.TooLarge;
                    }

                    output.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            // .NET's inflater returns what it has for a truncated member instead of failing, so check the gzip
            // trailer ourselves: RFC 1952 ends every member with ISIZE, the inflated length modulo 2^32.
            if (data.Length < MinimumMemberSize || ReadIsize(data) != (uint)output.Length)
            {
                return DecompressResult.Corrupt;
            }

            result = output.ToArray();
            return DecompressResult.Ok;
        }
        catch (InvalidDataException)
        {
            return DecompressResult.Corrupt;
        }
    }

    private static uint ReadIsize(ReadOnlySequence<byte> data)
    {
        Span<byte> trailer = stackalloc byte[4];
        data.Slice(data.Length - 4).CopyTo(trailer);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }
}
