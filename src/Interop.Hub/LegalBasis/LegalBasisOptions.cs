namespace Interop.Hub.LegalBasis;

/// <summary>
/// The hub's register of purposes and the statutory tasks (wettelijke taken) it recognises per partner kind
/// (section <c>Interop:LegalBasis</c>; defaults in appsettings.json). Validated at start.
/// </summary>
public sealed class LegalBasisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Interop:LegalBasis";

    /// <summary>The purpose register: code (lower case with '-') to a description a jongere can read.</summary>
    public Dictionary<string, string> Purposes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The statutory tasks: a legal basis without consent, held by every partner of the listed kinds.</summary>
    public List<StatutoryTaskOptions> StatutoryTasks { get; set; } = [];
}
