using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using Interop.Grpc.Shared;

namespace Interop.Grpc.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    private HttpResponseMessage? _response;
    private PipeReader? _bodyReader;
    private ICompressionProvider? _responseDecompressor;
    private string? _responseEncoding;

    /// <summary>True once response headers arrived and the body may be read; false when the call already ended.</summary>
    public Task<bool> HeadersReceived => _headersReceived ?? throw new InvalidOperationException("The call was not started.");

    private async Task<bool> ReceiveHeadersAsync(Task<HttpResponseMessage> sendTask)
    {
        HttpResponseMessage response;
        try
        {
            response = await sendTask.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Finish(StatusFromException(ex), new Metadata());
            return false;
        }

        _response = response;
        if (IsFinished)
        {
            response.Dispose();
            return false;
        }

        var headers = ResponseMetadata.FromHeaders(response.Headers, _logger);

        // Trailers-Only: the status arrives in the one HEADERS frame (PROTOCOL-HTTP2.md). When grpc-status is present
        // it must be used, whatever the HTTP status (http-grpc-status-mapping.md).
        if (ResponseMetadata.TryGetStatus(response.Headers, out var trailersOnlyStatus))
        {
            if (trailersOnlyStatus.StatusCode == StatusCode.OK && _method.Type is MethodType.Unary or MethodType.ClientStreaming)
            {
                // OK without a message is no valid answer to a call that expects exactly one.
                trailersOnlyStatus = new Status(StatusCode.Internal, "Failed to deserialize response message: the response held no message.");
            }

            _headers.TrySetResult(headers);
            Finish(trailersOnlyStatus, headers);
            return false;
        }

        // No grpc-status: an intermediary answered. Map the HTTP status (http-grpc-status-mapping.md).
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Finish(new Status(HttpStatusMapping.ToStatusCode(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}"), headers);
            return false;
        }

        // HTTP 200 but not gRPC: the mapping table's "other" row applies to 200 as well, giving UNKNOWN (as grpc-java does).
        var contentType = ResponseMetadata.GetHeader(response.Content.Headers, "Content-Type");
        if (!GrpcProtocolConstants.IsGrpcContentType(contentType))
        {
            Finish(new Status(HttpStatusMapping.ToStatusCode(response.StatusCode), $"Bad gRPC response. Invalid content-type value: {contentType}"), headers);
            return false;
        }

        _responseEncoding = ResponseMetadata.GetHeader(response.Headers, GrpcProtocolConstants.EncodingHeader);
        if (_responseEncoding is not null && _responseEncoding != GrpcProtocolConstants.IdentityEncoding)
        {
            _channel.CompressionProviders.TryGetValue(_responseEncoding, out _responseDecompressor);
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(_cts.Token).ConfigureAwait(false);
            _bodyReader = PipeReader.Create(body);
        }
        catch (Exception ex)
        {
            Finish(StatusFromException(ex), new Metadata());
            return false;
        }

        _headers.TrySetResult(headers);
        return true;
    }

    /// <summary>
    /// Reads the next response message. Returns false at the end of the body; throws <see cref="RpcException"/> when
    /// the call ends with an error meanwhile.
    /// </summary>
    public async ValueTask<(bool HasMessage, TResponse? Message)> ReadMessageAsync()
    {
        var reader = _bodyReader!;
        var maxSize = _channel.MaxReceiveMessageSize ?? int.MaxValue;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(_cts.Token).ConfigureAwait(false);
                var buffer = result.Buffer;
                switch (MessageDeframer.TryRead(ref buffer, maxSize, out var compressed, out var payload))
                {
                    case DeframeResult.Message:
                        var message = Deserialize(payload, compressed, maxSize, out var error);
                        reader.AdvanceTo(buffer.Start);
                        return message is null ? throw error! : (true, message);
                    case DeframeResult.TooLarge:
                        reader.AdvanceTo(result.Buffer.Start);
                        throw Fail(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size.");
                    case DeframeResult.InvalidCompressedFlag:
                        reader.AdvanceTo(result.Buffer.Start);
                        throw Fail(StatusCode.Internal, "Received a message with an invalid compressed flag.");
                    default:
                        if (result.IsCompleted)
                        {
                            var leftover = buffer.Length;
                            reader.AdvanceTo(buffer.End);
                            return leftover == 0 ? (false, null) : throw Fail(StatusCode.Internal, "The response ended in the middle of a message.");
                        }

                        // Keep the partial message, ask for more (messages may span any number of DATA frames).
                        reader.AdvanceTo(buffer.Start, buffer.End);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            Finish(StatusFromException(ex), new Metadata());
            throw CreateException();
        }
    }

    private TResponse? Deserialize(ReadOnlySequence<byte> payload, bool compressed, int maxSize, out RpcException? error)
    {
        error = null;
        GrpcClientLog.MessageReceived(_logger, payload.Length, compressed);
        if (compressed)
        {
            // A compressed message needs a grpc-encoding the client supports (compression.md): INTERNAL otherwise.
            if (_responseDecompressor is null)
            {
                error = Fail(StatusCode.Internal, _responseEncoding is null or GrpcProtocolConstants.IdentityEncoding
                    ? "Received a compressed message but the response has no grpc-encoding."
                    : $"Received a message compressed with unsupported encoding '{_responseEncoding}'.");
                return null;
            }

            if (!_responseDecompressor.TryDecompress(payload, maxSize, out var inflated, out var tooLarge))
            {
                error = tooLarge
                    ? Fail(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size after decompression.")
                    : Fail(StatusCode.Internal, $"Received a message that is not valid {_responseEncoding} data.");
                return null;
            }

            payload = new ReadOnlySequence<byte>(inflated);
        }

        try
        {
            return _method.ResponseMarshaller.Deserialize(payload);
        }
        catch (Exception ex)
        {
            error = Fail(StatusCode.Internal, "Failed to deserialize response message.", ex);
            return null;
        }
    }

    /// <summary>
    /// The body ended: take the status from the trailers. Returns the status the call finished with (which may be an
    /// earlier one when the call ended first).
    /// </summary>
    public Status FinishFromTrailers(Func<Status, Status>? adjust = null)
    {
        var response = _response!;
        var trailers = ResponseMetadata.FromHeaders(response.TrailingHeaders, _logger);
        Status status;
        if (!ResponseMetadata.TryGetStatus(response.TrailingHeaders, out status))
        {
            // PROTOCOL-HTTP2.md requires Status in the trailers of every response. An HTTP 200 gRPC response without
            // it broke the protocol, and grpc implementations (grpc-go, grpc-dotnet's strict mode, tonic) report that
            // as INTERNAL; the HTTP mapping table only covers non-200 answers from intermediaries.
            status = new Status(StatusCode.Internal, "Response ended without grpc-status in its trailers.");
        }

        if (adjust is not null)
        {
            status = adjust(status);
        }

        Finish(status, trailers);
        _bodyReader?.Complete();
        response.Dispose();
        return GetStatus();
    }

    /// <summary>One place that turns transport exceptions into a status.</summary>
    private Status StatusFromException(Exception ex)
    {
        if (_deadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded", ex);
        }

        if (_cts.IsCancellationRequested || ex is OperationCanceledException)
        {
            return new Status(StatusCode.Cancelled, "Call canceled by the client.", ex);
        }

        // A stream reset by the server maps by its HTTP/2 error code (PROTOCOL-HTTP2.md, Errors).
        var protocolError = ex as HttpProtocolException ?? ex.InnerException as HttpProtocolException;
        if (protocolError is not null)
        {
            return new Status(Http2ErrorMapping.ToStatusCode(protocolError.ErrorCode), "HTTP/2 error: " + protocolError.Message, ex);
        }

        // Connection refused, reset, TLS failure: the server is unavailable.
        return ex is HttpRequestException or IOException
            ? new Status(StatusCode.Unavailable, $"Error connecting to the server: {ex.Message}", ex)
            : new Status(StatusCode.Internal, $"Error in the gRPC call: {ex.GetType().Name}: {ex.Message}", ex);
    }
}
