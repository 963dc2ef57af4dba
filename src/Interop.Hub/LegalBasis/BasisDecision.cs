using Interop.Contracts.V1;
using Interop.ProcessingLog;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// The answer to a <see cref="BasisQuery"/>: permitted on a basis (to record with the exchange), or withheld with
/// the reason a status answer shows.
/// </summary>
/// <param name="Permitted">Whether the processing may go ahead.</param>
/// <param name="Basis">The basis it rests on (for the processing log); <see cref="ProcessingLegalBasis.None"/> when withheld.</param>
/// <param name="ContractBasis">The same basis as the contracts express it, or null when withheld.</param>
/// <param name="WithheldReason">Why not, when not permitted.</param>
/// <param name="PermittedCategories">The data categories the basis covers (all asked for, for a statutory task).</param>
/// <param name="ValidUntil">Until when the basis holds, when it is a consent with an end.</param>
internal sealed record BasisDecision(
    bool Permitted,
    ProcessingLegalBasis Basis,
    Contracts.V1.LegalBasis? ContractBasis,
    WithheldReason WithheldReason,
    IReadOnlyList<DataCategory> PermittedCategories,
    DateTimeOffset? ValidUntil)
{
    /// <summary>Withheld for <paramref name="reason"/>.</summary>
    public static BasisDecision Withheld(WithheldReason reason) => new(false, ProcessingLegalBasis.None, null, reason, [], null);
}
