using System.IO.Pipelines;
using System.Net;
using Interop.Grpc.Shared;
using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Internal;

/// <summary>The body of a unary or server-streaming request: exactly one message, written when the handler asks.</summary>
internal sealed class UnaryRequestContent<TRequest>(
    Marshaller<TRequest> marshaller,
    TRequest message,
    int size,
    ICompressionProvider? compressor,
    ILogger logger) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    // The handler may serialize the content again when it retries a request that never reached the server,
    // so this writes from the message each time.
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var written = MessageWriter.Write(writer, marshaller, message, size, compressor);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await writer.CompleteAsync().ConfigureAwait(false);
        GrpcClientLog.MessageSent(logger, written, compressor is not null);
    }

    // No content-length: gRPC bodies are delimited by END_STREAM (PROTOCOL-HTTP2.md).
    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    internal static void SetContentType(HttpContent content) =>
        content.Headers.TryAddWithoutValidation("Content-Type", GrpcProtocolConstants.ContentType);
}
