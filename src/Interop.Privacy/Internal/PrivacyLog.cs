using Microsoft.Extensions.Logging;

namespace Interop.Privacy.Internal;

/// <summary>Source-generated log messages of the data protection (event ids 300-399). Never logs key material or a BSN.</summary>
internal static partial class PrivacyLog
{
    [LoggerMessage(300, LogLevel.Warning, "No {Setting} configured: using the development key in {Path}. Production must provide its own key (Interop:Privacy); anyone who can read this file can reverse the protection.")]
    public static partial void UsingDevelopmentKey(ILogger logger, string setting, string path);

    [LoggerMessage(301, LogLevel.Information, "Generated a development key in {Path} (mode 0600).")]
    public static partial void GeneratedDevelopmentKey(ILogger logger, string path);

    [LoggerMessage(302, LogLevel.Warning, "The key file {Path} can be read by other users ({Mode}); restrict it to its owner (chmod 600).")]
    public static partial void KeyFileTooOpen(ILogger logger, string path, UnixFileMode mode);
}
