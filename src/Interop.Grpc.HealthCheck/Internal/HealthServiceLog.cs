using Microsoft.Extensions.Logging;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Interop.Grpc.HealthCheck.Internal;

internal static partial class HealthServiceLog
{
    [LoggerMessage(EventId = 1, EventName = "StatusChanged", Level = LogLevel.Information, Message = "Health status of service '{Service}' is now {Status}.")]
    public static partial void StatusChanged(ILogger logger, string service, ServingStatus status);

    [LoggerMessage(EventId = 2, EventName = "StatusCleared", Level = LogLevel.Information, Message = "Health status of service '{Service}' was cleared.")]
    public static partial void StatusCleared(ILogger logger, string service);

    [LoggerMessage(EventId = 3, EventName = "HealthReportPublished", Level = LogLevel.Debug, Message = "Health report published: {Status} for gRPC service '{Service}'.")]
    public static partial void HealthReportPublished(ILogger logger, string service, ServingStatus status);
}
