using Interop.Grpc.Shared;
using Microsoft.AspNetCore.Http.Features;

namespace Interop.Grpc.AspNetCore.Internal;

internal sealed partial class HttpContextServerCallContext
{
    // TimeProvider.System timers take at most ~49.7 days (uint.MaxValue - 1 ms). A longer deadline is kept as the
    // Deadline value but armed no timer: no call lives that long, and the client enforces its own deadline anyway.
    private static readonly TimeSpan MaxTimerDueTime = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private DateTime _deadline = DateTime.MaxValue;
    private bool _deadlineExceeded;
    private CancellationTokenSource? _callCts;
    private ITimer? _deadlineTimer;

    /// <summary>The request's message encoding: null for identity, otherwise "gzip".</summary>
    private string? _requestEncoding;

    /// <summary>
    /// Reads what the request headers ask of the call before the handler runs. A request the server cannot serve
    /// comes back as a status (an error as a value: the caller sends it Trailers-Only); null when the call may go on.
    /// </summary>
    public Status? Initialize()
    {
        var request = HttpContext.Request;

        // Messages are limited by MaxReceiveMessageSize per message, not by Kestrel's whole-body limit (30 MB by
        // default), which would cut long-lived streams.
        var bodySize = HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
        {
            bodySize.MaxRequestBodySize = null;
        }

        var headers = request.Headers;
        if (headers.TryGetValue(GrpcProtocolConstants.EncodingHeader, out var encoding) && encoding.Count > 0)
        {
            var value = encoding.ToString();
            if (string.Equals(value, GrpcProtocolConstants.GzipEncoding, StringComparison.Ordinal))
            {
                _requestEncoding = GrpcProtocolConstants.GzipEncoding;
            }
            else if (!string.Equals(value, GrpcProtocolConstants.IdentityEncoding, StringComparison.Ordinal))
            {
                // compression.md: a message encoding the server does not support ends the call with UNIMPLEMENTED,
                // and grpc-accept-encoding (always sent) tells the client what to use instead.
                return new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{value}'. Supported encodings: {ResponseEncodings.AcceptEncodingValue}");
            }
        }

        _responseEncoding = _settings.ResponseCompressionAlgorithm;
        _clientAcceptEncoding = headers[GrpcProtocolConstants.AcceptEncodingHeader].ToString();

        var metadataError = ReadRequestHeaders(headers);
        if (metadataError is not null)
        {
            return metadataError;
        }

        if (headers.TryGetValue(GrpcProtocolConstants.TimeoutHeader, out var timeoutValue))
        {
            // A grpc-timeout outside the grammar (at most 8 digits and one of H M S m u n) is a protocol error: like
            // grpc-go, the call ends with INTERNAL "malformed grpc-timeout" instead of silently running unbounded.
            if (timeoutValue.Count != 1 || !GrpcTimeout.TryParse(timeoutValue[0], out var timeout))
            {
                return new Status(StatusCode.Internal, "malformed grpc-timeout");
            }

            StartDeadline(timeout);
        }

        return null;
    }

    private void StartDeadline(TimeSpan timeout)
    {
        var now = _settings.TimeProvider.GetUtcNow().UtcDateTime;
        _deadline = timeout >= DateTime.MaxValue - now ? DateTime.MaxValue : now + timeout;
        _callCts = CancellationTokenSource.CreateLinkedTokenSource(HttpContext.RequestAborted);
        if (timeout <= TimeSpan.Zero)
        {
            OnDeadline();
        }
        else if (timeout <= MaxTimerDueTime)
        {
            _deadlineTimer = _settings.TimeProvider.CreateTimer(
                static state => ((HttpContextServerCallContext)state!).OnDeadline(),
                this,
                timeout,
                Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDeadline()
    {
        Volatile.Write(ref _deadlineExceeded, true);
        GrpcServerLog.DeadlineExceeded(_settings.Logger, Method);
        try
        {
            _callCts?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended while the timer fired.
        }
    }
}
