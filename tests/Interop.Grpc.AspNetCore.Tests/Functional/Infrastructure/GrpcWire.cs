using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Interop.Grpc.Shared;

namespace Interop.Grpc.AspNetCore.Tests.Functional.Infrastructure;

/// <summary>Hand-built gRPC requests and a plain reading of responses, so the tests see exactly what is on the wire.</summary>
internal static class GrpcWire
{
    public static byte[] Frame(IMessage message, bool compress = false)
    {
        var payload = message.ToByteArray();
        return compress ? RawFrame(GzipCompression.Compress(payload), compressedFlag: true) : RawFrame(payload, compressedFlag: false);
    }

    public static byte[] RawFrame(byte[] payload, bool compressedFlag)
    {
        var frame = new byte[5 + payload.Length];
        MessageDeframer.WriteHeader(frame, compressedFlag, payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static HttpRequestMessage Request(IMethod method, byte[] body, string contentType = "application/grpc") =>
        Request(method.FullName, new ByteArrayContent(body), contentType);

    public static HttpRequestMessage Request(string path, HttpContent content, string contentType = "application/grpc")
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.ParseAdd("trailers");
        return request;
    }

    public static async Task<GrpcResponse> CallAsync(this HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).WaitAsync(GrpcTestServer.Timeout);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).WaitAsync(GrpcTestServer.Timeout);
        return new GrpcResponse(response, body);
    }

    public static async Task<(bool Compressed, byte[] Data)?> ReadFrameAsync(Stream stream)
    {
        var header = new byte[5];
        var read = await stream.ReadAtLeastAsync(header, 5, throwOnEndOfStream: false).AsTask().WaitAsync(GrpcTestServer.Timeout);
        if (read == 0)
        {
            return null;
        }

        Assert.Equal(5, read);
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        var data = new byte[length];
        await stream.ReadExactlyAsync(data).AsTask().WaitAsync(GrpcTestServer.Timeout);
        return (header[0] == 1, data);
    }

    public static byte[] Decompress(byte[] data)
    {
        Assert.Equal(DecompressResult.Ok, GzipCompression.TryDecompress(new ReadOnlySequence<byte>(data), int.MaxValue, out var result));
        return result;
    }
}
