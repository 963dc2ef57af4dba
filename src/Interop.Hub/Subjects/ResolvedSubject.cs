namespace Interop.Hub.Subjects;

/// <summary>A jongere the hub knows: its pseudonym (the key everywhere) and the calling organisation's subject_ref.</summary>
internal sealed record ResolvedSubject(string Pseudonym, string CallerRef);
