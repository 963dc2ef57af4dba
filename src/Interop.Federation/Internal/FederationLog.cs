using Microsoft.Extensions.Logging;

namespace Interop.Federation.Internal;

/// <summary>Source-generated log messages of the key manager (event ids 100-199).</summary>
internal static partial class FederationLog
{
    [LoggerMessage(100, LogLevel.Information, "Created hub signing key {Kid}; it signs from {SigningStartsAt:O}.")]
    public static partial void SigningKeyCreated(ILogger logger, string kid, DateTimeOffset signingStartsAt);

    [LoggerMessage(101, LogLevel.Information, "Retired hub signing key {Kid}: every token it signed has expired.")]
    public static partial void SigningKeyRetired(ILogger logger, string kid);
}
