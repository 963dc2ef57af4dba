using System.Buffers.Binary;
using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Testing;

namespace Interop.Grpc.Benchmarks;

/// <summary>Payload bodies and prebuilt request bodies shared by the benchmarks.</summary>
internal static class Payloads
{
    private static readonly ConcurrentDictionary<int, ByteString> s_bodies = new();

    /// <summary>A body of <paramref name="size"/> bytes (0x2A each), made once per size.</summary>
    public static ByteString Get(int size) =>
        s_bodies.GetOrAdd(size, static n => ByteString.CopyFrom(Enumerable.Repeat((byte)0x2A, n).ToArray()));

    public static SimpleRequest UnaryRequest(int payloadSize) =>
        new() { ResponseSize = payloadSize, Payload = new Payload { Body = Get(payloadSize) } };

    public static StreamingOutputCallRequest StreamingRequest(int payloadSize, int messages)
    {
        var request = new StreamingOutputCallRequest();
        for (var i = 0; i < messages; i++)
        {
            request.ResponseParameters.Add(new ResponseParameters { Size = payloadSize });
        }

        return request;
    }

    /// <summary>
    /// A whole unary gRPC request body: one Length-Prefixed-Message: Compressed-Flag 0, 4-byte big-endian length, message (PROTOCOL-HTTP2.md), as h2load
    /// posts it.
    /// </summary>
    public static byte[] FramedUnaryRequest(int payloadSize)
    {
        var message = UnaryRequest(payloadSize).ToByteArray();
        var body = new byte[5 + message.Length];
        body[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(1), (uint)message.Length);
        message.CopyTo(body.AsSpan(5));
        return body;
    }
}
