using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Internal;

/// <summary>
/// One client call: an HTTP/2 request whose body carries the request messages and whose response carries the
/// response messages and, in trailers, the status (PROTOCOL-HTTP2.md). Split by concern: this file holds the
/// lifetime (status, cancellation, deadline, dispose), GrpcCall.Request.cs the sending side and GrpcCall.Response.cs
/// the receiving side.
/// </summary>
internal sealed partial class GrpcCall<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts = new();
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private CancellationTokenRegistration _callerRegistration;
    private CancellationTokenRegistration _channelRegistration;
    private ITimer? _deadlineTimer;
    private volatile bool _deadlineExceeded;
    private Status _status;
    private volatile bool _finished;
    private Metadata? _trailers;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _logger = channel.Logger;
    }

    public Method<TRequest, TResponse> Method => _method;

    public CallOptions Options => _options;

    public GrpcChannel Channel => _channel;

    public bool IsFinished => _finished;

    /// <summary>Fires when the call must stop: caller cancellation, deadline, dispose or a local failure.</summary>
    public CancellationToken CallToken => _cts.Token;

    public AsyncCallState CreateState() => new(_headers.Task, GetStatus, GetTrailers, Dispose);

    public Status GetStatus() =>
        _finished ? _status : throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        _finished ? _trailers! : throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");

    /// <summary>Cancels the call if it still runs (the HTTP/2 stream is reset with RST_STREAM) and frees it.</summary>
    public void Dispose()
    {
        Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."), new Metadata());
        _response?.Dispose();
    }

    /// <summary>The exception a failed call surfaces: the status and trailers the call ended with.</summary>
    public RpcException CreateException()
    {
        var status = GetStatus();
        return new RpcException(status, GetTrailers());
    }

    /// <summary>
    /// Ends the call with <paramref name="status"/> once; later calls are ignored. A status other than OK resets the
    /// HTTP/2 stream when it is still open.
    /// </summary>
    private bool Finish(Status status, Metadata trailers)
    {
        lock (_lock)
        {
            if (_finished)
            {
                return false;
            }

            _status = status;
            _trailers = trailers;
            _finished = true;
        }

        _deadlineTimer?.Dispose();
        _callerRegistration.Dispose();
        _channelRegistration.Dispose();
        _requestContent?.Abort();
        if (status.StatusCode == StatusCode.OK)
        {
            GrpcClientLog.CallFinished(_logger, _method.FullName, status.StatusCode);
            if (!_headers.Task.IsCompleted)
            {
                _headers.TrySetResult(new Metadata());
            }
        }
        else
        {
            LogFailure(status);
            if (_headers.TrySetException(new RpcException(status, trailers)))
            {
                // Nobody may ever look at the headers of a failed call: mark the exception observed.
                _ = _headers.Task.Exception;
            }

            // Cancelling the request makes SocketsHttpHandler send RST_STREAM(CANCEL) if the stream is still open.
            _cts.Cancel();
        }

        return true;
    }

    private void LogFailure(Status status)
    {
        if (status.StatusCode == StatusCode.Cancelled)
        {
            GrpcClientLog.CallCancelled(_logger, _method.FullName);
        }
        else if (status.StatusCode == StatusCode.DeadlineExceeded)
        {
            GrpcClientLog.DeadlineExceeded(_logger, _method.FullName);
        }
        else
        {
            GrpcClientLog.CallFailed(_logger, _method.FullName, status.StatusCode, status.Detail, status.DebugException);
        }
    }

    /// <summary>Ends the call with a locally detected error and returns the exception to throw.</summary>
    private RpcException Fail(StatusCode code, string detail, Exception? debugException = null)
    {
        Finish(new Status(code, detail, debugException), new Metadata());
        return CreateException();
    }

    /// <summary>
    /// Starts the local deadline timer (the server also gets grpc-timeout) and links caller and channel cancellation.
    /// Returns false when the call already ended: deadline passed or token already cancelled.
    /// </summary>
    private bool StartLifetime(TimeSpan? timeout)
    {
        if (timeout is { } remaining)
        {
            if (remaining <= TimeSpan.Zero)
            {
                // A deadline already in the past fails at once without sending anything.
                _deadlineExceeded = true;
                Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), new Metadata());
                return false;
            }

            // Timers take at most 0xFFFFFFFE ms (about 49 days); a longer deadline is left to the server's grpc-timeout.
            if (remaining.TotalMilliseconds < uint.MaxValue - 1)
            {
                _deadlineTimer = _channel.TimeProvider.CreateTimer(
                    static state => ((GrpcCall<TRequest, TResponse>)state!).OnDeadline(), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }

        if (_options.CancellationToken.CanBeCanceled)
        {
            _callerRegistration = _options.CancellationToken.UnsafeRegister(
                static state => ((GrpcCall<TRequest, TResponse>)state!).OnCancelled("Call canceled by the client."), this);
        }

        _channelRegistration = _channel.DisposedToken.UnsafeRegister(
            static state => ((GrpcCall<TRequest, TResponse>)state!).OnCancelled("The channel was disposed."), this);
        return !IsFinished;
    }

    private void OnDeadline()
    {
        _deadlineExceeded = true;
        Finish(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), new Metadata());
    }

    private void OnCancelled(string detail) => Finish(new Status(StatusCode.Cancelled, detail), new Metadata());

    /// <summary>The remaining time until the deadline, or null for none. DateTime.MaxValue means no deadline, as in grpc.</summary>
    private TimeSpan? GetTimeout()
    {
        if (_options.Deadline is not { } deadline || deadline == DateTime.MaxValue)
        {
            return null;
        }

        var utc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : deadline;
        return utc - _channel.TimeProvider.GetUtcNow().UtcDateTime;
    }
}
