using Microsoft.Extensions.Logging;

namespace Interop.Grpc.AspNetCore.Internal;

/// <summary>Every log message of the server runtime. Event ids are stable: add new ones, never renumber.</summary>
internal static partial class GrpcServerLog
{
    public const string CategoryName = "Interop.Grpc.AspNetCore.Server";

    [LoggerMessage(1, LogLevel.Information, "Request protocol '{Protocol}' is not supported; gRPC needs HTTP/2.")]
    public static partial void UnsupportedRequestProtocol(ILogger logger, string protocol);

    [LoggerMessage(2, LogLevel.Information, "Request content-type '{ContentType}' is not a gRPC content-type.")]
    public static partial void UnsupportedRequestContentType(ILogger logger, string? contentType);

    [LoggerMessage(3, LogLevel.Debug, "Deadline of call {Method} exceeded.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Information, "Call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Error, "Error when executing service method '{Method}'.")]
    public static partial void ErrorExecutingServiceMethod(ILogger logger, string method, Exception exception);

    [LoggerMessage(6, LogLevel.Information, "Call {Method} ended with status {StatusCode}: '{Detail}'.")]
    public static partial void RpcError(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(7, LogLevel.Error, "Call {Method} tried to send reserved header '{Header}' as custom metadata; the call ends with INTERNAL.")]
    public static partial void ReservedHeaderRefused(ILogger logger, string method, string header);

    [LoggerMessage(8, LogLevel.Information, "Call {Method} rejected: {Reason}")]
    public static partial void CallRejected(ILogger logger, string method, string reason);

    [LoggerMessage(9, LogLevel.Information, "No gRPC method '{Path}' is mapped.")]
    public static partial void MethodUnimplemented(ILogger logger, string path);

    [LoggerMessage(10, LogLevel.Debug, "Could not send the status of call {Method}: the response is gone.")]
    public static partial void StatusNotSent(ILogger logger, string method, Exception exception);

    [LoggerMessage(11, LogLevel.Debug, "Skipped request header '{Header}': not valid gRPC metadata.")]
    public static partial void InvalidRequestHeaderSkipped(ILogger logger, string header);
}
