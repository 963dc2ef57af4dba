using Interop.Contracts.V1;
using Interop.Federation.Grpc;
using Interop.Hub.PartnerDirectory;

namespace Interop.Hub.Consent;

/// <summary>
/// An organisation as the consent rules see it: the consents it may see and revoke are those it recorded, those
/// naming it, and those naming its kind (in any region, or in its own).
/// </summary>
/// <param name="Oin">Its OIN.</param>
/// <param name="Kind">Its kind, as the contract numbers it (the consent table's grantee_kind).</param>
/// <param name="Region">Its RMC region, or null when it has none.</param>
internal sealed record ConsentReader(string Oin, OrganisationKind Kind, string? Region)
{
    /// <summary>The caller of a call, from its token.</summary>
    public static ConsentReader Of(HubCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.Oin, OrganisationKindMapping.ToContract(caller.OrganisationKind), string.IsNullOrEmpty(caller.RmcRegion) ? null : caller.RmcRegion);
    }

    /// <summary>Whether the consent of <paramref name="row"/> concerns this organisation (the same rule as <see cref="ConsentSql.ListPage"/>).</summary>
    public bool Concerns(StoredConsent row) =>
        row.RecordedByOin == Oin
        || row.GranteeOin == Oin
        || (row.GranteeKind == (long)Kind
            && (row.GranteeRegion is null || (Region is not null && string.Equals(row.GranteeRegion, Region, StringComparison.OrdinalIgnoreCase))));
}
