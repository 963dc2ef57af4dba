namespace Interop.Federation.Registry;

/// <summary>The wire names of <see cref="OrganisationKind"/> (lower case, as in the org_kind claim and the admin tool).</summary>
public static class OrganisationKinds
{
    /// <summary>The lower-case name, e.g. <c>gemeente</c>.</summary>
    public static string ToWireName(this OrganisationKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses a lower-case (or any-case) name; numbers are refused so a typo cannot pick a kind.</summary>
    public static bool TryParse(string? value, out OrganisationKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(value) || char.IsDigit(value[0]) || value[0] == '-')
        {
            return false;
        }

        return Enum.TryParse(value, ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    /// <summary>All wire names, for help texts and errors.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<OrganisationKind>().Select(k => k.ToWireName()).ToArray();
}
