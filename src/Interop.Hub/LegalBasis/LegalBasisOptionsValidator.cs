using System.Text.RegularExpressions;
using Interop.Contracts.V1;
using Microsoft.Extensions.Options;

namespace Interop.Hub.LegalBasis;

/// <summary>Refuses a purpose register or statutory task list the hub could not apply, at start.</summary>
internal sealed partial class LegalBasisOptionsValidator : IValidateOptions<LegalBasisOptions>
{
    public ValidateOptionsResult Validate(string? name, LegalBasisOptions options)
    {
        var failures = new List<string>();
        foreach (var (code, description) in options.Purposes)
        {
            if (!CodePattern().IsMatch(code))
            {
                failures.Add($"Purpose code '{code}' must be lower case letters, digits and '-' (at most 100).");
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                failures.Add($"Purpose '{code}' needs a description.");
            }
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in options.StatutoryTasks)
        {
            var label = $"Statutory task '{task.Code}'";
            if (!CodePattern().IsMatch(task.Code))
            {
                failures.Add($"{label}: the code must be lower case letters, digits and '-'.");
            }
            else if (!codes.Add(task.Code))
            {
                failures.Add($"{label} is declared twice.");
            }

            if (string.IsNullOrWhiteSpace(task.LegalReference))
            {
                failures.Add($"{label}: LegalReference is required.");
            }

            if (task.OrganisationKinds.Count == 0 || task.OrganisationKinds.Any(k => k == OrganisationKind.Unspecified || !Enum.IsDefined(k)))
            {
                failures.Add($"{label}: OrganisationKinds must list at least one defined kind.");
            }

            if (task.Purposes.Count == 0 || task.Purposes.Any(p => !options.Purposes.ContainsKey(p)))
            {
                failures.Add($"{label}: Purposes must list at least one purpose of the register.");
            }

            if (task.Leefgebieden.Count == 0 || task.Leefgebieden.Any(l => l == Leefgebied.Unspecified || !Enum.IsDefined(l)))
            {
                failures.Add($"{label}: Leefgebieden must list at least one defined leefgebied.");
            }

            if (task.DataCategories.Count == 0 || task.DataCategories.Any(c => c == DataCategory.Unspecified || !Enum.IsDefined(c)))
            {
                failures.Add($"{label}: DataCategories must list at least one defined category.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex CodePattern();
}
