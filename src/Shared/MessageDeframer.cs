using System.Buffers;
using System.Buffers.Binary;

namespace Interop.Grpc.Shared;

/// <summary>The outcome of reading one length-prefixed message from a buffer.</summary>
internal enum DeframeResult
{
    /// <summary>The buffer does not yet hold a whole message; read more and try again.</summary>
    Incomplete,

    /// <summary>A whole message was read and the buffer advanced past it.</summary>
    Message,

    /// <summary>The length prefix announces more than the receive limit allows: RESOURCE_EXHAUSTED.</summary>
    TooLarge,

    /// <summary>The compressed flag is neither 0 nor 1: INTERNAL.</summary>
    InvalidCompressedFlag,
}

/// <summary>
/// Splits a byte stream into Length-Prefixed-Messages: Compressed-Flag (1 byte), Message-Length (4 bytes, big-endian),
/// Message (PROTOCOL-HTTP2.md). Pure and allocation-free, so server and client share it and it can be fuzzed on its own.
/// </summary>
internal static class MessageDeframer
{
    public static DeframeResult TryRead(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> message)
    {
        compressed = false;
        message = default;
        if (buffer.Length < GrpcProtocolConstants.MessageHeaderSize)
        {
            return DeframeResult.Incomplete;
        }

        Span<byte> header = stackalloc byte[GrpcProtocolConstants.MessageHeaderSize];
        buffer.Slice(0, GrpcProtocolConstants.MessageHeaderSize).CopyTo(header);
        switch (header[0])
        {
            case 0: compressed = false; break;
            case 1: compressed = true; break;
            default: return DeframeResult.InvalidCompressedFlag;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            return DeframeResult.TooLarge;
        }

        if (buffer.Length - GrpcProtocolConstants.MessageHeaderSize < length)
        {
            return DeframeResult.Incomplete;
        }

        message = buffer.Slice(GrpcProtocolConstants.MessageHeaderSize, length);
        buffer = buffer.Slice(message.End);
        return DeframeResult.Message;
    }

    /// <summary>Writes the 5-byte prefix for a message of <paramref name="length"/> bytes.</summary>
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }
}
