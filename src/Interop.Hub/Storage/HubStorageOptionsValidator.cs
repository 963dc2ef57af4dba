using Microsoft.Extensions.Options;

namespace Interop.Hub.Storage;

/// <summary>Refuses a storage configuration that cannot work, at start.</summary>
internal sealed class HubStorageOptionsValidator : IValidateOptions<HubStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, HubStorageOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{HubStorageOptions.SectionName}:Provider must be Sqlite or PostgreSql.");
        }

        if (options.Provider == HubStorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{HubStorageOptions.SectionName}:ConnectionString is required with the PostgreSql provider.");
        }

        if (!Enum.IsDefined(options.SqliteSynchronous))
        {
            failures.Add($"{HubStorageOptions.SectionName}:SqliteSynchronous must be Full or Normal.");
        }

        if (options.MaxWriteBatch is < 1 or > 10_000)
        {
            failures.Add($"{HubStorageOptions.SectionName}:MaxWriteBatch must be 1-10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
