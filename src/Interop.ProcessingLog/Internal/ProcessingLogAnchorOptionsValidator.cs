using Microsoft.Extensions.Options;

namespace Interop.ProcessingLog.Internal;

/// <summary>Checks <see cref="ProcessingLogAnchorOptions"/> at start and names every bad setting at once.</summary>
internal sealed class ProcessingLogAnchorOptionsValidator : IValidateOptions<ProcessingLogAnchorOptions>
{
    private const string Section = ProcessingLogAnchorOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ProcessingLogAnchorOptions options)
    {
        var failures = new List<string>();
        if (options.Interval != TimeSpan.Zero &&
            (options.Interval < ProcessingLogAnchorOptions.MinimumInterval || options.Interval > ProcessingLogAnchorOptions.MaximumInterval))
        {
            failures.Add($"{Section}:{nameof(ProcessingLogAnchorOptions.Interval)} must be 00:00:00 (off) or between " +
                $"{ProcessingLogAnchorOptions.MinimumInterval} and {ProcessingLogAnchorOptions.MaximumInterval}; it is {options.Interval}.");
        }

        if (options.AnchorFile is { } file)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (directory is null || Directory.Exists(file))
            {
                failures.Add($"{Section}:{nameof(ProcessingLogAnchorOptions.File)} must name a file; '{file}' does not.");
            }
            else if (!Directory.Exists(directory))
            {
                failures.Add($"{Section}:{nameof(ProcessingLogAnchorOptions.File)}: the folder {directory} does not exist.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
