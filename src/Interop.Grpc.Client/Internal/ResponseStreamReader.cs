namespace Interop.Grpc.Client.Internal;

/// <summary>Reads the response messages of a server-streaming or duplex call.</summary>
internal sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private int _reading;
    private bool _ended;
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _reading, 1) != 0)
        {
            throw new InvalidOperationException("Only one MoveNext can be pending at a time.");
        }

        // Cancelling a read cancels the call, as in grpc: the stream cannot be resumed half-way through a message.
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Dispose(), call)
            : default;
        try
        {
            if (_ended)
            {
                return false;
            }

            if (!await call.HeadersReceived.ConfigureAwait(false) || call.IsFinished)
            {
                // Ended before or without a body: a Trailers-Only OK is an empty stream, anything else an error.
                _ended = call.GetStatus().StatusCode == StatusCode.OK;
                return _ended ? false : throw call.CreateException();
            }

            var (hasMessage, message) = await call.ReadMessageAsync().ConfigureAwait(false);
            if (hasMessage)
            {
                _current = message;
                return true;
            }

            if (call.FinishFromTrailers().StatusCode != StatusCode.OK)
            {
                throw call.CreateException();
            }

            _ended = true;
            return false;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
