using Microsoft.Extensions.Options;

namespace Interop.Hub.Notifications;

/// <summary>Refuses notification settings that cannot work, at start, naming every bad setting.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{NotificationOptions.SectionName}:PollInterval must be between 00:00:00.010 and 00:01:00.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"{NotificationOptions.SectionName}:BatchSize must be 1-1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
