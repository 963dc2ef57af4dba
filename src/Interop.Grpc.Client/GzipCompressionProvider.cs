using System.Buffers;
using Interop.Grpc.Shared;

namespace Interop.Grpc.Client;

/// <summary>The gzip message encoding (grpc-encoding: gzip).</summary>
public sealed class GzipCompressionProvider : ICompressionProvider
{
    /// <summary>The shared instance.</summary>
    public static readonly GzipCompressionProvider Instance = new();

    /// <inheritdoc />
    public string EncodingName => GrpcProtocolConstants.GzipEncoding;

    /// <inheritdoc />
    public byte[] Compress(ReadOnlySpan<byte> message) => GzipCompression.Compress(message);

    /// <inheritdoc />
    public bool TryDecompress(ReadOnlySequence<byte> data, int maxSize, out byte[] message, out bool tooLarge)
    {
        var result = GzipCompression.TryDecompress(data, maxSize, out message);
        tooLarge = result == DecompressResult.TooLarge;
        return result == DecompressResult.Ok;
    }
}
