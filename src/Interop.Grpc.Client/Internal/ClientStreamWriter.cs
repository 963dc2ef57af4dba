
namespace Interop.Grpc.Client.Internal;

/// <summary>Writes the request messages of a client-streaming or duplex call as the caller produces them.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private int _writing;
    private bool _completed;

    public WriteOptions? WriteOptions { get; set; } = call.Options.WriteOptions;

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ThrowIfCallEnded();
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the request stream has been completed.");
        }

        if (Interlocked.Exchange(ref _writing, 1) != 0)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        try
        {
            var marshaller = call.Method.RequestMarshaller;
            var size = marshaller.GetSize(message);
            if (!call.CheckSendSize(size))
            {
                throw call.CreateException();
            }

            var writer = await call.RequestContent!.WriterTask.WaitAsync(cancellationToken).ConfigureAwait(false);
            var compressor = call.SelectCompressor(WriteOptions);
            var written = MessageWriter.Write(writer, marshaller, message, size, compressor);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            GrpcClientLog.MessageSent(call.Channel.Logger, written, compressor is not null);
        }
        catch (Exception ex) when (ex is not RpcException && call.IsFinished)
        {
            // The call ended while the write waited: report why it ended.
            throw call.CreateException();
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    public async Task CompleteAsync()
    {
        if (Volatile.Read(ref _writing) != 0)
        {
            throw new InvalidOperationException("Can't complete the request stream because a write is in progress.");
        }

        _completed = true;
        if (call.IsFinished)
        {
            return;
        }

        // Half-close: the body ends with END_STREAM and the server sees the end of the request stream.
        await call.RequestContent!.CompleteAsync().ConfigureAwait(false);
    }

    private void ThrowIfCallEnded()
    {
        if (!call.IsFinished)
        {
            return;
        }

        if (call.GetStatus().StatusCode != StatusCode.OK)
        {
            throw call.CreateException();
        }

        throw new InvalidOperationException("Can't write the message because the call is complete.");
    }

}
