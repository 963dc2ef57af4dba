using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Hub.PartnerDirectory;

/// <summary>Turns a registry <see cref="Organisation"/> into the contract's <see cref="Partner"/>.</summary>
internal static class PartnerMapping
{
    /// <summary>
    /// The partner as the registry holds it, with the leefgebieden it accepts referrals for (ascending, as the registry
    /// returns them; empty: none) and whether it takes plan handovers.
    /// </summary>
    public static Partner ToPartner(Organisation organisation)
    {
        var partner = new Partner
        {
            Organisation = new OrganisationRef
            {
                Oin = organisation.Oin,
                DisplayName = organisation.Name,
                Kind = OrganisationKindMapping.ToContract(organisation.Kind),
            },
            RmcRegion = organisation.RmcRegion ?? "",
            AcceptsHandovers = organisation.AcceptsHandovers,
        };
        partner.ReferralLeefgebieden.AddRange(organisation.ReferralLeefgebieden);
        return partner;
    }
}
