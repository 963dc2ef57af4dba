using System.IO.Pipelines;
using System.Net;

namespace Interop.Grpc.Client.Internal;

/// <summary>
/// The body of a client-streaming or duplex request. The handler hands over the request stream and the body stays
/// open, with response headers already readable, until the writer completes or the call ends.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<PipeWriter> _writer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent() => UnaryRequestContent<object>.SetContentType(this);

    /// <summary>Completes with the writer over the request stream once the handler starts sending the body.</summary>
    public Task<PipeWriter> WriterTask => _writer.Task;

    /// <summary>Half-closes the request: flushes and ends the body (END_STREAM).</summary>
    public async Task CompleteAsync()
    {
        if (_writer.Task.IsCompletedSuccessfully)
        {
            await _writer.Task.Result.CompleteAsync().ConfigureAwait(false);
        }

        _completed.TrySetResult();
    }

    /// <summary>The call ended: release the handler and any writer still waiting for the stream.</summary>
    public void Abort()
    {
        _writer.TrySetCanceled();
        _completed.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // SocketsHttpHandler holds back the HEADERS frame of a request with a body until body data is flushed; flush
        // now so the server sees the call (and can answer with headers) before the first message is written.
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (!_writer.TrySetResult(PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true))))
        {
            if (_writer.Task.IsCanceled)
            {
                // Aborted before the handler got here: send an empty body.
                return;
            }

            // The handler is sending the body a second time (a retry on another connection); the messages already
            // went to the first stream and cannot be replayed, so fail rather than send an empty request.
            throw new InvalidOperationException("A streaming gRPC request body cannot be sent twice.");
        }

        await _completed.Task.ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
