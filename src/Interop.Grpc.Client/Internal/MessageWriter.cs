using System.Buffers;
using System.IO.Pipelines;
using Interop.Grpc.Shared;

namespace Interop.Grpc.Client.Internal;

/// <summary>Writes Length-Prefixed-Messages (PROTOCOL-HTTP2.md) straight into a request body's pipe buffer.</summary>
internal static class MessageWriter
{
    /// <summary>Writes one framed message; returns the payload length written after the prefix.</summary>
    public static int Write<T>(PipeWriter writer, Marshaller<T> marshaller, T message, int size, ICompressionProvider? compressor)
    {
        const int prefix = GrpcProtocolConstants.MessageHeaderSize;
        if (compressor is null)
        {
            // Serialize in place: no intermediate copy of the message.
            var span = writer.GetSpan(prefix + size);
            MessageDeframer.WriteHeader(span, compressed: false, size);
            marshaller.Serialize(message, span.Slice(prefix, size));
            writer.Advance(prefix + size);
            return size;
        }

        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            marshaller.Serialize(message, rented.AsSpan(0, size));
            var compressed = compressor.Compress(rented.AsSpan(0, size));
            var span = writer.GetSpan(prefix + compressed.Length);
            MessageDeframer.WriteHeader(span, compressed: true, compressed.Length);
            compressed.CopyTo(span[prefix..]);
            writer.Advance(prefix + compressed.Length);
            return compressed.Length;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
