namespace Interop.Hub.LegalBasis;

/// <summary>Every consent of one jongere as read at one moment, to decide several questions on one read.</summary>
/// <param name="SubjectPseudonym">The jongere.</param>
/// <param name="Rows">Its consents (active or not).</param>
internal sealed record SubjectConsents(string SubjectPseudonym, IReadOnlyList<ConsentRow> Rows);
