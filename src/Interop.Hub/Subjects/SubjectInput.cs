using Interop.Privacy;

namespace Interop.Hub.Subjects;

/// <summary>
/// A jongere as a request named it, validated: by BSN (with its pseudonym and, for a call that registers the jongere,
/// its encrypted form computed up front, off the write queue) or by a subject_ref the hub issued to the caller.
/// </summary>
internal sealed class SubjectInput
{
    private SubjectInput(Bsn? bsn, string? pseudonym, string? protectedBsn, string? subjectRef)
    {
        Bsn = bsn;
        Pseudonym = pseudonym;
        ProtectedBsn = protectedBsn;
        SubjectRef = subjectRef;
    }

    /// <summary>The BSN, when the request gave one.</summary>
    public Bsn? Bsn { get; }

    /// <summary>The hub's pseudonym, known at once when the request gave a BSN.</summary>
    public string? Pseudonym { get; }

    /// <summary>The encrypted BSN (base64), when the request gave one and it was encrypted up front.</summary>
    public string? ProtectedBsn { get; }

    /// <summary>The subject_ref, when the request gave one instead of a BSN.</summary>
    public string? SubjectRef { get; }

    public static SubjectInput FromBsn(Bsn bsn, string pseudonym, string? protectedBsn) => new(bsn, pseudonym, protectedBsn, null);

    public static SubjectInput FromRef(string subjectRef) => new(null, null, null, subjectRef);
}
