using System.Globalization;
using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed partial class HttpContextServerCallContext
{
    private const string HandlerExceptionMessage = "Exception was thrown by handler.";

    /// <summary>Set when the handler tried to send a reserved header: the call ends INTERNAL whatever it does next.</summary>
    private Status? _protocolViolation;

    /// <summary>
    /// THE place that turns a handler outcome into a status. The deadline wins (the client asked for it), then an
    /// <see cref="RpcException"/>'s own status, then a client abort; anything else is UNKNOWN, with the exception
    /// detail only when detailed errors are switched on.
    /// </summary>
    public Status StatusFromException(Exception exception, out Metadata? trailers)
    {
        trailers = null;
        if (_protocolViolation is { } violation)
        {
            return violation;
        }

        if (DeadlineExceeded)
        {
            return new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        if (exception is RpcException rpc)
        {
            trailers = rpc.Trailers;
            return rpc.Status;
        }

        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            return new Status(StatusCode.Cancelled, "Call canceled by the client.", exception);
        }

        GrpcServerLog.ErrorExecutingServiceMethod(_settings.Logger, Method, exception);
        var detail = _settings.EnableDetailedErrors
            ? $"{HandlerExceptionMessage} {exception.GetType().Name}: {exception.Message}"
            : HandlerExceptionMessage;
        return new Status(StatusCode.Unknown, detail, exception);
    }

    /// <summary>The status of a handler that returned normally.</summary>
    public Status StatusFromCompletion() =>
        _protocolViolation ?? (DeadlineExceeded ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded") : Status);

    /// <summary>
    /// Sends the status. Before any header or message it is a Trailers-Only response: grpc-status in the one HEADERS
    /// frame, which Kestrel ends with END_STREAM because there is no body (PROTOCOL-HTTP2.md, Trailers-Only).
    /// Otherwise grpc-status, grpc-message and the custom trailers go in the trailing HEADERS frame.
    /// </summary>
    public void EndCall(Status status, Metadata? exceptionTrailers)
    {
        if (HttpContext.RequestAborted.IsCancellationRequested)
        {
            // RST_STREAM or a dropped connection: nobody is listening for a status. Expected, so Information.
            GrpcServerLog.CallCancelled(_settings.Logger, Method);
            return;
        }

        if (!TrailersAreValid(_responseTrailers) || !TrailersAreValid(exceptionTrailers))
        {
            status = _protocolViolation!.Value;
            _responseTrailers = null;
            exceptionTrailers = null;
        }

        if (status.StatusCode != StatusCode.OK)
        {
            GrpcServerLog.RpcError(_settings.Logger, Method, status.StatusCode, status.Detail);
        }

        try
        {
            var response = HttpContext.Response;
            if (!ResponseStarted && !response.HasStarted)
            {
                WriteStatus(response.Headers, status, _responseTrailers, exceptionTrailers);
            }
            else if (response.SupportsTrailers())
            {
                // No DeclareTrailer: that only adds a "Trailer" response header, which HTTP/2 trailers do not need
                // and gRPC clients ignore; AppendTrailer alone puts them in the final HEADERS frame.
                var trailers = HttpContext.Features.Get<IHttpResponseTrailersFeature>()!.Trailers;
                WriteStatus(trailers, status, _responseTrailers, exceptionTrailers);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            GrpcServerLog.StatusNotSent(_settings.Logger, Method, ex);
        }
    }

    private static void WriteStatus(IHeaderDictionary target, Status status, Metadata? trailers, Metadata? exceptionTrailers)
    {
        target[GrpcProtocolConstants.StatusTrailer] = ((int)status.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0)
        {
            // grpc-message is percent-encoded UTF-8: PROTOCOL-HTTP2.md, Status-Message.
            target[GrpcProtocolConstants.MessageTrailer] = PercentEncoding.Encode(status.Detail);
        }

        AppendMetadata(target, trailers);
        AppendMetadata(target, exceptionTrailers);
    }

    private static void AppendMetadata(IHeaderDictionary target, Metadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var entry in metadata)
        {
            // -bin values go out as unpadded base64 (PROTOCOL-HTTP2.md, Custom-Metadata).
            target.Append(entry.Key, entry.IsBinary ? BinaryHeaderEncoding.Encode(entry.ValueBytes) : entry.Value);
        }
    }

    private bool TrailersAreValid(Metadata? trailers)
    {
        if (trailers is null)
        {
            return true;
        }

        foreach (var entry in trailers)
        {
            if (GrpcProtocolConstants.IsReservedHeader(entry.Key))
            {
                MarkReservedHeader(entry.Key);
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A handler may not set headers the protocol owns (grpc-*, content-type, te, pseudo-headers...): sending them
    /// would corrupt the response, so the call ends INTERNAL instead.
    /// </summary>
    private void RefuseIfReserved(string key)
    {
        if (GrpcProtocolConstants.IsReservedHeader(key))
        {
            MarkReservedHeader(key);
            throw new RpcException(_protocolViolation!.Value);
        }
    }

    private void MarkReservedHeader(string key)
    {
        GrpcServerLog.ReservedHeaderRefused(_settings.Logger, Method, key);
        _protocolViolation ??= new Status(StatusCode.Internal, $"The handler tried to send reserved header '{key}' as metadata.");
    }
}
