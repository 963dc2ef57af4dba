namespace Interop.ProcessingLog;

/// <summary>The kind of a <see cref="ProcessingLegalBasis"/>. The numbers are stored and hashed: never renumber.</summary>
public enum ProcessingLegalBasisKind
{
    /// <summary>No legal basis was established.</summary>
    None = 0,

    /// <summary>The jongere's consent (toestemming).</summary>
    Consent = 1,

    /// <summary>A statutory task (wettelijke taak, AVG art. 6(1)(e)).</summary>
    StatutoryTask = 2,
}
