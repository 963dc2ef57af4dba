using Interop.Contracts.V1;
using Interop.Federation.Registry;

namespace Interop.Hub.PartnerDirectory;

/// <summary>Turns a registry <see cref="Organisation"/> into the contract's <see cref="Partner"/>.</summary>
internal static class PartnerMapping
{
    /// <summary>
    /// The partner as the registry holds it. The registry (table organisation, SQLite and PostgreSQL) has no columns
    /// for the leefgebieden a partner accepts referrals for nor for whether it takes plan handovers, so
    /// referral_leefgebieden stays empty and accepts_handovers false ("accepts none", as the contract reads them).
    /// Filling them needs a migration on both providers adding a table
    /// organisation_referral_leefgebied (oin text references organisation(oin), leefgebied text, primary key (oin,
    /// leefgebied)) and a column organisation.accepts_handovers (integer/boolean, not null, default 0/false), plus
    /// Organisation, IPartnerStore and interop-admin support to set them.
    /// </summary>
    public static Partner ToPartner(Organisation organisation) => new()
    {
        Organisation = new OrganisationRef
        {
            Oin = organisation.Oin,
            DisplayName = organisation.Name,
            Kind = OrganisationKindMapping.ToContract(organisation.Kind),
        },
        RmcRegion = organisation.RmcRegion ?? "",
    };
}
