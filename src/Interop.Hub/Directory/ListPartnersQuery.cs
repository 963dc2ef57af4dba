using Interop.Contracts.V1;
using Registry = Interop.Federation.Registry;

namespace Interop.Hub.PartnerDirectory;

/// <summary>A validated ListPartners request.</summary>
/// <param name="Kind">Only this kind, or null for any.</param>
/// <param name="RmcRegion">Only this RMC region, or null for any.</param>
/// <param name="ReferralLeefgebied">Only partners accepting referrals for this leefgebied, or null for any.</param>
/// <param name="PageSize">How many partners at most (1-500).</param>
/// <param name="AfterOin">Continue after this OIN, or null for the first page.</param>
/// <param name="Filters">The filters in the canonical form page tokens are bound to.</param>
internal sealed record ListPartnersQuery(
    Registry.OrganisationKind? Kind,
    string? RmcRegion,
    Leefgebied? ReferralLeefgebied,
    int PageSize,
    string? AfterOin,
    string Filters)
{
    /// <summary>Whether <paramref name="partner"/> passes every filter (they combine with AND: directory.proto).</summary>
    public bool Matches(Partner partner) =>
        (Kind is null || partner.Organisation.Kind == OrganisationKindMapping.ToContract(Kind.Value))
        && (RmcRegion is null || string.Equals(partner.RmcRegion, RmcRegion, StringComparison.OrdinalIgnoreCase))
        && (ReferralLeefgebied is null || partner.ReferralLeefgebieden.Contains(ReferralLeefgebied.Value));
}
