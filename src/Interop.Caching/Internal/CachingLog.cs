using Microsoft.Extensions.Logging;

namespace Interop.Caching.Internal;

/// <summary>Log messages of the caching component. Event ids are stable: 1 to 99.</summary>
internal static partial class CachingLog
{
    [LoggerMessage(1, LogLevel.Information, "Connecting to Redis at {Endpoints}.")]
    public static partial void Connecting(ILogger logger, string endpoints);

    [LoggerMessage(2, LogLevel.Information, "Connected to Redis at {Endpoints}.")]
    public static partial void Connected(ILogger logger, string endpoints);

    [LoggerMessage(3, LogLevel.Error, "Could not connect to Redis at {Endpoints}; the next call retries.")]
    public static partial void ConnectFailed(ILogger logger, string endpoints, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Lost the Redis connection to {Endpoint} ({FailureType}).")]
    public static partial void ConnectionLost(ILogger logger, string endpoint, string failureType, Exception? exception);

    [LoggerMessage(5, LogLevel.Information, "Restored the Redis connection to {Endpoint}.")]
    public static partial void ConnectionRestored(ILogger logger, string endpoint);

    [LoggerMessage(6, LogLevel.Warning, "Redis has been unreachable since {Since}; replacing the connection.")]
    public static partial void Reconnecting(ILogger logger, DateTimeOffset since);

    [LoggerMessage(7, LogLevel.Warning, "Redis command {Operation} failed.")]
    public static partial void CommandFailed(ILogger logger, string operation, Exception exception);
}
