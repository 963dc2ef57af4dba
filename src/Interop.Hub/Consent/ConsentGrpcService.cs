using Interop.Contracts.V1;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;

namespace Interop.Hub.Consent;

/// <summary>
/// interop.v1.ConsentService: registers, revokes, lists and checks the consents (toestemming) of jongeren. The
/// consent.write and consent.read scopes are enforced by the hub's authorization interceptor before these handlers
/// run. Every call writes its processing record (activity <see cref="Calls.ProcessingActivities.Consent"/>) in the
/// same transaction as its change, or, for reads, in one write after reading.
/// </summary>
/// <remarks>
/// Who may see a consent (ListConsents): the organisation that recorded it, the organisation it names, and every
/// organisation of the kind it names (within its region, when it names one). Who may revoke it: the same
/// organisations, because a jongere may withdraw consent as easily as it was given (AVG art. 7(3)), at the organisation
/// that recorded it or at any organisation that may receive data under it. Every other organisation gets NOT_FOUND,
/// so a consent's existence is not revealed to organisations it does not concern.
/// <para>
/// A consent's period may start in the past: consent given earlier (a signed form) is often recorded later, and
/// one whose period has already ended is recorded as EXPIRED for the record's sake. valid_from may lie at most a
/// year ahead (consent.proto).
/// </para>
/// </remarks>
internal sealed partial class ConsentGrpcService(
    IHubDatabase database,
    TimeProvider time,
    SubjectDirectory subjects,
    PartnerLookup partners,
    RegisterConsentValidator validator,
    ConsentMapping mapping,
    PurposeRegister purposes,
    ILegalBasisResolver resolver) : ConsentService.ConsentServiceBase
{
    /// <summary>ListConsents without page_size returns this many (common.proto).</summary>
    private const int DefaultPageSize = 50;

    /// <summary>ListConsents returns at most this many per page (common.proto).</summary>
    private const int MaxPageSize = 500;

    /// <summary>The category under which a request named the jongere, for the processing record.</summary>
    private static DataCategory SubjectCategory(SubjectInput subject) => subject.Bsn is null ? DataCategory.Pseudonym : DataCategory.Bsn;
}
