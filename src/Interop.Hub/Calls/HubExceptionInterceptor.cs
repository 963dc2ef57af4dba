using System.Data.Common;
using Interop.Grpc;
using Interop.Grpc.Interceptors;
using Interop.ProcessingLog;

namespace Interop.Hub.Calls;

/// <summary>
/// Maps what escapes a hub service to a status, in one place: <see cref="RpcException"/> passes unchanged; a
/// database failure is UNAVAILABLE (nothing was committed, the call may be retried; idempotency keys make retried
/// submits safe); a processing record the log refused is INTERNAL (a bug: the operation was not committed); a call
/// the client cancelled is CANCELLED. Anything else is INTERNAL without details, logged here.
/// </summary>
internal sealed partial class HubExceptionInterceptor(ILogger<HubExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }

        if (exception is DbException or TimeoutException or ObjectDisposedException)
        {
            Log.StorageFailed(logger, context.Method, exception);
            return new RpcException(new Status(StatusCode.Unavailable, "The hub's storage is unavailable; nothing was changed. Retry later."));
        }

        if (exception is ProcessingLogValidationException)
        {
            Log.ProcessingRecordRefused(logger, context.Method, exception);
            return new RpcException(new Status(StatusCode.Internal, "The processing could not be logged, so it was not carried out."));
        }

        Log.Unexpected(logger, context.Method, exception);
        return new RpcException(new Status(StatusCode.Internal, "Internal error; nothing was changed."));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Storage failed during {Method}.")]
        public static partial void StorageFailed(ILogger logger, string method, Exception exception);

        [LoggerMessage(2, LogLevel.Error, "The processing log refused the record of {Method}; the operation was rolled back.")]
        public static partial void ProcessingRecordRefused(ILogger logger, string method, Exception exception);

        [LoggerMessage(3, LogLevel.Error, "Unexpected failure in {Method}.")]
        public static partial void Unexpected(ILogger logger, string method, Exception exception);
    }
}
