namespace Interop.ProcessingLog;

/// <summary>The legal basis (grondslag) a processing rested on: a consent id or a statutory task code, or none.</summary>
public sealed record ProcessingLegalBasis
{
    private ProcessingLegalBasis(ProcessingLegalBasisKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>No basis (the call failed before one was found).</summary>
    public static ProcessingLegalBasis None { get; } = new(ProcessingLegalBasisKind.None, "");

    /// <summary>Which kind of basis.</summary>
    public ProcessingLegalBasisKind Kind { get; }

    /// <summary>The consent_id or the statutory task code; empty for <see cref="ProcessingLegalBasisKind.None"/>.</summary>
    public string Value { get; }

    /// <summary>The jongere's consent (toestemming), by its consent_id.</summary>
    public static ProcessingLegalBasis Consent(string consentId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consentId);
        return new(ProcessingLegalBasisKind.Consent, consentId);
    }

    /// <summary>A statutory task (wettelijke taak), by its code in the hub's configuration.</summary>
    public static ProcessingLegalBasis StatutoryTask(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return new(ProcessingLegalBasisKind.StatutoryTask, code);
    }

    internal static ProcessingLegalBasis FromStored(ProcessingLegalBasisKind kind, string value) => new(kind, value);
}
