namespace Interop.Grpc.Client;

/// <summary>
/// A message compression algorithm named by grpc-encoding (grpc/doc/compression.md). The identity encoding is
/// always supported and needs no provider.
/// </summary>
public interface ICompressionProvider
{
    /// <summary>The grpc-encoding name, for example <c>gzip</c>.</summary>
    string EncodingName { get; }

    /// <summary>Compresses one whole message.</summary>
    byte[] Compress(ReadOnlySpan<byte> message);

    /// <summary>
    /// Decompresses one whole message. Returns false, without throwing, when the data is corrupt or when the result
    /// would exceed <paramref name="maxSize"/> bytes (then <paramref name="tooLarge"/> is true).
    /// </summary>
    bool TryDecompress(System.Buffers.ReadOnlySequence<byte> data, int maxSize, out byte[] message, out bool tooLarge);
}
