using Interop.Contracts.V1;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>A built status answer and what it disclosed, for the processing log.</summary>
/// <param name="Pseudonym">The jongere.</param>
/// <param name="Response">The answer, without its subject_ref yet.</param>
/// <param name="RevealSubjectRef">Whether the caller may learn its subject_ref (it may learn whether the hub knows the jongere).</param>
/// <param name="Disclosed">The categories disclosed under each basis.</param>
internal sealed record StatusAnswer(
    string Pseudonym,
    GetJongereStatusResponse Response,
    bool RevealSubjectRef,
    IReadOnlyDictionary<ProcessingLegalBasis, IReadOnlyList<DataCategory>> Disclosed);
