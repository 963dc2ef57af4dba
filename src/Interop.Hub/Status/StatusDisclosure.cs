using Interop.Contracts.V1;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>What a status answer discloses, decided part by part, for the processing log.</summary>
/// <param name="Pseudonym">The jongere.</param>
/// <param name="RevealSubjectRef">Whether the caller may learn its subject_ref (it may learn whether the hub knows the jongere).</param>
/// <param name="Disclosed">The categories disclosed under each basis.</param>
internal sealed record StatusDisclosure(
    string Pseudonym,
    bool RevealSubjectRef,
    IReadOnlyDictionary<ProcessingLegalBasis, IReadOnlyList<DataCategory>> Disclosed);
