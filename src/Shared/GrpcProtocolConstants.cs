namespace Interop.Grpc.Shared;

/// <summary>Names and values from PROTOCOL-HTTP2.md, shared by the server and client runtimes.</summary>
internal static class GrpcProtocolConstants
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeProto = "application/grpc+proto";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusTrailer = "grpc-status";
    public const string MessageTrailer = "grpc-message";
    public const string StatusDetailsTrailer = "grpc-status-details-bin";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string UserAgentHeader = "user-agent";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>Compressed flag (1 byte) + message length (4 bytes, big-endian).</summary>
    public const int MessageHeaderSize = 5;

    /// <summary>The default largest message a peer accepts: 4 MiB, as in every gRPC implementation.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>
    /// True for a content-type that names gRPC: <c>application/grpc</c>, optionally followed by <c>+format</c> or <c>;params</c>.
    /// </summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (contentType.Length == ContentType.Length)
        {
            return true;
        }

        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>
    /// Headers the runtime owns; an application may not set them as custom metadata (PROTOCOL-HTTP2.md reserves
    /// the grpc- prefix, and HTTP/2 forbids connection-specific headers).
    /// </summary>
    public static bool IsReservedHeader(string key) =>
        key.StartsWith(':') ||
        (key.StartsWith("grpc-", StringComparison.Ordinal) && key != StatusDetailsTrailer) ||
        key is "content-type" or "te" or "host" or "connection" or "keep-alive" or "proxy-connection"
            or "transfer-encoding" or "upgrade" or "content-length" or "user-agent";
}
