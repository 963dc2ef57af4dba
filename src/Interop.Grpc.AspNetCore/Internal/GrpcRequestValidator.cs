using System.Globalization;
using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>The checks every gRPC request passes before a call starts, and the response headers every call carries.</summary>
internal static class GrpcRequestValidator
{
    private static readonly string InternalStatus = ((int)StatusCode.Internal).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// False when the request cannot be a gRPC call; the response (an HTTP error with grpc-status INTERNAL in its
    /// headers, for clients that only read grpc-status) is then already set. True: the call may start, and the
    /// response carries content-type application/grpc and grpc-accept-encoding.
    /// </summary>
    public static bool TryAccept(HttpContext httpContext, ILogger logger)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;

        // gRPC needs HTTP/2 framing: full-duplex streams and trailers (PROTOCOL-HTTP2.md). HTTP/1.1 carries neither
        // reliably (chunked trailers are optional and proxies drop them), so an HTTP/1.1 request gets 426 Upgrade
        // Required rather than a half-working call. HTTP/3 has the same stream and trailer semantics and is allowed.
        // Nothing here depends on TLS: h2c (prior knowledge) and h2 over TLS with ALPN are both HTTP/2 to us.
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            GrpcServerLog.UnsupportedRequestProtocol(logger, request.Protocol);
            Reject(response, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC requires HTTP/2.");
            return false;
        }

        if (!GrpcProtocolConstants.IsGrpcContentType(request.ContentType))
        {
            GrpcServerLog.UnsupportedRequestContentType(logger, request.ContentType);
            Reject(response, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }

        response.ContentType = GrpcProtocolConstants.ContentType;

        // compression.md: tell the client which message encodings it may use, on every response.
        response.Headers[GrpcProtocolConstants.AcceptEncodingHeader] = ResponseEncodings.AcceptEncodingValue;
        return true;
    }

    private static void Reject(HttpResponse response, int httpStatus, string message)
    {
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocolConstants.StatusTrailer] = InternalStatus;
        response.Headers[GrpcProtocolConstants.MessageTrailer] = PercentEncoding.Encode(message);
    }
}
