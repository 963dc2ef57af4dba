using Interop.Contracts.V1;
using Interop.Federation.Registry;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Demo;

/// <summary>
/// A synthetic regio Twente (RMC38) to try the hub with: two gemeenten, the ROC, the RMC office, a care provider and a
/// youth care provider. The OINs are made up (valid in form only, under the 99 range of their register prefix); names
/// are those of the region's kinds of organisation, no real organisation's data is used.
/// </summary>
internal static class DemoRegion
{
    /// <summary>The RMC region of every demo partner.</summary>
    public const string RmcRegion = "RMC38";

    /// <summary>The partner whose client the start-up instructions use.</summary>
    public static DemoPartner Example => Partners[0];

    /// <summary>The partners, each with the leefgebieden it accepts referrals for and whether it takes plan handovers.</summary>
    public static IReadOnlyList<DemoPartner> Partners { get; } =
    [
        new(
            new Organisation("00000001990000001000", "Gemeente Enschede", OrganisationKind.Gemeente, RmcRegion)
            {
                ReferralLeefgebieden = [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.NetwerkEnVrijeTijd, Leefgebied.FinancienSchulden],
                AcceptsHandovers = true,
            },
            "demo-gemeente-enschede"),
        new(
            new Organisation("00000001990000002000", "Gemeente Hengelo", OrganisationKind.Gemeente, RmcRegion)
            {
                ReferralLeefgebieden = [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.FinancienSchulden],
                AcceptsHandovers = true,
            },
            "demo-gemeente-hengelo"),
        new(
            new Organisation("00000001990000003000", "ROC van Twente", OrganisationKind.Roc, RmcRegion) { ReferralLeefgebieden = [Leefgebied.Onderwijs] },
            "demo-roc-van-twente"),
        new(
            new Organisation("00000001990000004000", "RMC Twente", OrganisationKind.Rmc, RmcRegion) { ReferralLeefgebieden = [Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen] },
            "demo-rmc-twente"),
        new(
            new Organisation("00000009990000005000", "Zorgaanbieder Twente", OrganisationKind.Zorgaanbieder, RmcRegion)
            {
                ReferralLeefgebieden = [Leefgebied.Zorg],
                AcceptsHandovers = true,
            },
            "demo-zorgaanbieder-twente"),
        new(
            new Organisation("00000009990000006000", "Jeugdhulp Twente", OrganisationKind.Jeugdhulp, RmcRegion)
            {
                ReferralLeefgebieden = [Leefgebied.Zorg, Leefgebied.NetwerkEnVrijeTijd],
                AcceptsHandovers = true,
            },
            "demo-jeugdhulp-twente"),
    ];
}
