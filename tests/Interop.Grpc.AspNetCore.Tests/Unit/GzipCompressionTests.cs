using System.Buffers;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Unit;

public class GzipCompressionTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1000)]
    [InlineData(200_000)]
    public void CompressDecompress_RoundTrips(int size)
    {
        var data = new byte[size];
        new Random(size).NextBytes(data);
        var compressed = GzipCompression.Compress(data);
        Assert.Equal(DecompressResult.Ok, GzipCompression.TryDecompress(new ReadOnlySequence<byte>(compressed), int.MaxValue, out var result));
        Assert.Equal(data, result);
    }

    [Fact]
    public void Decompress_MultiSegmentInput_RoundTrips()
    {
        var data = new byte[5000];
        new Random(7).NextBytes(data);
        var compressed = GzipCompression.Compress(data);
        var chunks = compressed.Chunk(100).ToList();
        Assert.Equal(DecompressResult.Ok, GzipCompression.TryDecompress(SequenceBuilder.Create(chunks), int.MaxValue, out var result));
        Assert.Equal(data, result);
    }

    [Fact]
    public void Decompress_Garbage_ReturnsCorrupt()
    {
        Assert.Equal(DecompressResult.Corrupt, GzipCompression.TryDecompress(new ReadOnlySequence<byte>("not gzip at all"u8.ToArray()), 1000, out _));
    }

    [Fact]
    public void Decompress_Empty_ReturnsCorrupt()
    {
        Assert.Equal(DecompressResult.Corrupt, GzipCompression.TryDecompress(ReadOnlySequence<byte>.Empty, 1000, out _));
    }

    [Fact]
    public void Decompress_Truncated_ReturnsCorrupt()
    {
        var data = new byte[2000];
        new Random(3).NextBytes(data);
        var compressed = GzipCompression.Compress(data);
        for (var cut = 0; cut < compressed.Length; cut += 37)
        {
            var result = GzipCompression.TryDecompress(new ReadOnlySequence<byte>(compressed[..cut]), int.MaxValue, out _);
            Assert.Equal(DecompressResult.Corrupt, result);
        }
    }

    [Fact]
    public void Decompress_FlippedByte_ReturnsCorrupt()
    {
        var data = new byte[2000];
        new Random(5).NextBytes(data);
        var compressed = GzipCompression.Compress(data);
        compressed[compressed.Length / 2] ^= 0xFF;
        Assert.Equal(DecompressResult.Corrupt, GzipCompression.TryDecompress(new ReadOnlySequence<byte>(compressed), int.MaxValue, out _));
    }

    [Fact]
    public void Decompress_BombOverLimit_ReturnsTooLarge()
    {
        // 64 MiB of zeros compresses to ~64 KiB: must stop at the limit, not inflate it all.
        var bomb = GzipCompression.Compress(new byte[64 * 1024 * 1024]);
        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Equal(DecompressResult.TooLarge, GzipCompression.TryDecompress(new ReadOnlySequence<byte>(bomb), 4 * 1024 * 1024, out _));
    }

    [Fact]
    public void Decompress_ExactlyAtLimit_Succeeds()
    {
        var compressed = GzipCompression.Compress(new byte[1000]);
        Assert.Equal(DecompressResult.Ok, GzipCompression.TryDecompress(new ReadOnlySequence<byte>(compressed), 1000, out var result));
        Assert.Equal(1000, result.Length);
    }
}
