using System.Buffers;
using System.IO.Pipelines;
using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed partial class HttpContextServerCallContext
{
    /// <summary>The response's message encoding: null or identity for none, gzip when chosen and accepted.</summary>
    private string? _responseEncoding;
    private string? _clientAcceptEncoding;
    private bool _responseHeadersPrepared;

    /// <summary>True once the response has headers or messages of its own, so the status must go in trailers.</summary>
    public bool ResponseStarted { get; private set; }

    /// <summary>
    /// Reads the next request message; null at the end of the request stream. Uncompressed messages are deserialized
    /// straight from the request pipe's buffers. Protocol errors throw <see cref="RpcException"/> with the status
    /// PROTOCOL-HTTP2.md asks for; a request stream aborted under the read (client reset, dropped connection) throws
    /// CANCELLED.
    /// </summary>
    public async ValueTask<T?> ReadMessageAsync<T>(Marshaller<T> marshaller, CancellationToken cancellationToken)
        where T : class
    {
        var reader = HttpContext.Request.BodyReader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var buffer = result.Buffer;
                var outcome = MessageDeframer.TryRead(ref buffer, _settings.MaxReceiveMessageSize, out var compressed, out var payload);
                switch (outcome)
                {
                    case DeframeResult.Message:
                        try
                        {
                            return DeserializeMessage(payload, compressed, marshaller);
                        }
                        finally
                        {
                            reader.AdvanceTo(buffer.Start);
                        }

                    case DeframeResult.Incomplete when result.IsCompleted:
                        reader.AdvanceTo(buffer.End);
                        if (buffer.IsEmpty)
                        {
                            return null;
                        }

                        // The request ended inside a length prefix or a message.
                        throw new RpcException(new Status(StatusCode.Internal, "Incomplete message: the request stream ended inside a message."));

                    case DeframeResult.Incomplete:
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        continue;

                    case DeframeResult.TooLarge:
                        reader.AdvanceTo(buffer.Start);
                        throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));

                    default:
                        reader.AdvanceTo(buffer.Start);
                        throw new RpcException(new Status(StatusCode.Internal, "Invalid compressed flag in message prefix."));
                }
            }
        }
        catch (Exception ex) when (ex is ConnectionAbortedException or IOException { InnerException: ConnectionAbortedException })
        {
            // Kestrel fails a pending body read this way when the client resets the stream or the connection drops,
            // at times before it fires RequestAborted: the client went away, which is CANCELLED, not a handler error
            // (every caller of a read, the hub's exception mapping included, passes an RpcException on as it is).
            throw new RpcException(new Status(StatusCode.Cancelled, "The client cancelled the call or its connection dropped.", ex));
        }
    }

    private T DeserializeMessage<T>(ReadOnlySequence<byte> payload, bool compressed, Marshaller<T> marshaller)
    {
        if (compressed)
        {
            // PROTOCOL-HTTP2.md: a set Compressed-Flag without a Message-Encoding (or with identity) is a protocol error.
            if (_requestEncoding is null)
            {
                throw new RpcException(new Status(StatusCode.Internal, "Request message is compressed but grpc-encoding is absent or identity."));
            }

            switch (GzipCompression.TryDecompress(payload, _settings.MaxReceiveMessageSize, out var inflated))
            {
                case DecompressResult.Corrupt:
                    throw new RpcException(new Status(StatusCode.Internal, "Could not decompress the request message."));
                case DecompressResult.TooLarge:
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size after decompression."));
            }

            payload = new ReadOnlySequence<byte>(inflated);
        }

        LastRequestMessageCompressed = compressed;
        try
        {
            return marshaller.Deserialize(payload);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Could not deserialize the request message.", ex));
        }
    }

    /// <summary>
    /// Writes one Length-Prefixed-Message straight into the response pipe. Streaming calls flush each message so it
    /// reaches the client now; a unary response is flushed together with the trailers when the call ends.
    /// </summary>
    public Task WriteMessageAsync<T>(T message, Marshaller<T> marshaller, bool flush, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_protocolViolation is { } violation)
        {
            // The call is already doomed to INTERNAL; keep the response Trailers-Only rather than half-sent.
            throw new RpcException(violation);
        }

        // Past the deadline or after a client reset nothing more may go out; the status mapping turns this into
        // DEADLINE_EXCEEDED or CANCELLED, and a response with no message yet stays Trailers-Only.
        CancellationToken.ThrowIfCancellationRequested();
        PrepareResponseHeaders();
        ResponseStarted = true;

        var size = marshaller.GetSize(message);
        if (size > _settings.MaxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }

        var writer = HttpContext.Response.BodyWriter;
        var compress = _responseEncoding is GrpcProtocolConstants.GzipEncoding && (WriteOptions?.Flags & WriteFlags.NoCompress) != WriteFlags.NoCompress;
        if (compress)
        {
            WriteCompressed(writer, message, marshaller, size);
        }
        else
        {
            var span = writer.GetSpan(GrpcProtocolConstants.MessageHeaderSize + size);
            MessageDeframer.WriteHeader(span, compressed: false, size);
            marshaller.Serialize(message, span.Slice(GrpcProtocolConstants.MessageHeaderSize, size));
            writer.Advance(GrpcProtocolConstants.MessageHeaderSize + size);
        }

        if (!flush)
        {
            return Task.CompletedTask;
        }

        var flushTask = writer.FlushAsync(cancellationToken);
        return flushTask.IsCompletedSuccessfully ? Task.CompletedTask : flushTask.AsTask();
    }

    private static void WriteCompressed<T>(PipeWriter writer, T message, Marshaller<T> marshaller, int size)
    {
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            marshaller.Serialize(message, rented.AsSpan(0, size));
            var compressed = GzipCompression.Compress(rented.AsSpan(0, size));
            var span = writer.GetSpan(GrpcProtocolConstants.MessageHeaderSize + compressed.Length);
            MessageDeframer.WriteHeader(span, compressed: true, compressed.Length);
            compressed.CopyTo(span[GrpcProtocolConstants.MessageHeaderSize..]);
            writer.Advance(GrpcProtocolConstants.MessageHeaderSize + compressed.Length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
