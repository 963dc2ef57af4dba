using Microsoft.Extensions.Logging;

namespace Interop.Grpc.Client.Internal;

/// <summary>The client runtime's log messages, with stable event ids.</summary>
internal static partial class GrpcClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "Starting gRPC call {Method} ({MethodType}).", EventName = "StartingCall")]
    public static partial void StartingCall(ILogger logger, string method, MethodType methodType);

    [LoggerMessage(2, LogLevel.Debug, "gRPC call {Method} finished with status {StatusCode}.", EventName = "CallFinished")]
    public static partial void CallFinished(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(3, LogLevel.Information, "gRPC call {Method} failed: {StatusCode} '{Detail}'.", EventName = "CallFailed")]
    public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail, Exception? exception);

    // Expected: the caller asked for it, so Information rather than an error.
    [LoggerMessage(4, LogLevel.Information, "gRPC call {Method} was cancelled.", EventName = "CallCancelled")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Information, "gRPC call {Method} exceeded its deadline.", EventName = "DeadlineExceeded")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Trace, "Sent a message of {Length} bytes (compressed: {Compressed}).", EventName = "MessageSent")]
    public static partial void MessageSent(ILogger logger, int length, bool compressed);

    [LoggerMessage(7, LogLevel.Trace, "Received a message of {Length} bytes (compressed: {Compressed}).", EventName = "MessageReceived")]
    public static partial void MessageReceived(ILogger logger, long length, bool compressed);

    [LoggerMessage(8, LogLevel.Debug, "Ignored response metadata '{Key}': not a valid gRPC metadata entry.", EventName = "InvalidMetadataIgnored")]
    public static partial void InvalidMetadataIgnored(ILogger logger, string key);
}
