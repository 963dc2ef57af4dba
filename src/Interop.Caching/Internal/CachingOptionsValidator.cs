using Microsoft.Extensions.Options;

namespace Interop.Caching.Internal;

/// <summary>Checks <see cref="CachingOptions"/> at start and reports every bad setting at once, by its configuration name.</summary>
internal sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        var failures = new List<string>();
        if (options.Redis is { } redis)
        {
            try
            {
                RedisConnection.ParseConfiguration(redis);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{CachingOptions.SectionName}:{nameof(CachingOptions.Redis)} ('{Redact(redis)}') is invalid: {ex.Message} " +
                    "Use a StackExchange.Redis configuration string such as '127.0.0.1:6379', or leave it unset for in-memory state.");
            }
        }

        if (options.InstanceName is null)
        {
            failures.Add($"{CachingOptions.SectionName}:{nameof(CachingOptions.InstanceName)} must not be null; use \"\" for no prefix.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // The configuration string may carry password=...; never echo it into logs.
    private static string Redact(string configuration) =>
        string.Join(",", configuration.Split(',').Select(part =>
            part.TrimStart().StartsWith("password=", StringComparison.OrdinalIgnoreCase) ? "password=*****" : part));
}
