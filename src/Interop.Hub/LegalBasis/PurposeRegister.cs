using Interop.Contracts.V1;
using Interop.Hub.Calls;
using Microsoft.Extensions.Options;

namespace Interop.Hub.LegalBasis;

/// <summary>The hub's register of processing purposes (doelbinding): validates purpose codes and describes them.</summary>
internal sealed class PurposeRegister(IOptions<LegalBasisOptions> options)
{
    private readonly IReadOnlyDictionary<string, string> _purposes = options.Value.Purposes;

    /// <summary>The purpose with its description, when <paramref name="code"/> is registered.</summary>
    public bool TryGet(string code, out Purpose purpose)
    {
        if (code is not null && _purposes.TryGetValue(code, out var description))
        {
            purpose = new Purpose { Code = code, Description = description };
            return true;
        }

        purpose = null!;
        return false;
    }

    /// <summary>
    /// The code of a required purpose field, or null with a violation under <paramref name="field"/> (missing, or not
    /// in the register).
    /// </summary>
    public string? Validate(Purpose? purpose, string field, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (purpose is null || purpose.Code.Length == 0)
        {
            violations.Add(field + ".code", "Required: a purpose code of the hub's register.");
            return null;
        }

        if (!_purposes.ContainsKey(purpose.Code))
        {
            violations.Add(field + ".code", $"Unknown purpose; the register holds: {string.Join(", ", _purposes.Keys.Order(StringComparer.Ordinal))}.");
            return null;
        }

        return purpose.Code;
    }
}
