using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Demo;

/// <summary>The demo region as the hub's seed promises it (src/Interop.Hub/Demo/DemoRegion.cs), written out as the specification.</summary>
public static class DemoRegionExpectations
{
    /// <summary>The client the start-up instructions use.</summary>
    public const string ExampleClient = "demo-gemeente-enschede";

    /// <summary>Every partner: OIN, name, kind, leefgebieden accepted for referrals, whether it takes handovers, client_id.</summary>
    public static readonly (string Oin, string Name, OrganisationKind Kind, Leefgebied[] Leefgebieden, bool Handovers, string ClientId)[] Partners =
    [
        ("00000001990000001000", "Gemeente Enschede", OrganisationKind.Gemeente, [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.NetwerkEnVrijeTijd, Leefgebied.FinancienSchulden], true, "demo-gemeente-enschede"),
        ("00000001990000002000", "Gemeente Hengelo", OrganisationKind.Gemeente, [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.FinancienSchulden], true, "demo-gemeente-hengelo"),
        ("00000001990000003000", "ROC van Twente", OrganisationKind.Roc, [Leefgebied.Onderwijs], false, "demo-roc-van-twente"),
        ("00000001990000004000", "RMC Twente", OrganisationKind.Rmc, [Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen], false, "demo-rmc-twente"),
        ("00000009990000005000", "Zorgaanbieder Twente", OrganisationKind.Zorgaanbieder, [Leefgebied.Zorg], true, "demo-zorgaanbieder-twente"),
        ("00000009990000006000", "Jeugdhulp Twente", OrganisationKind.Jeugdhulp, [Leefgebied.Zorg, Leefgebied.NetwerkEnVrijeTijd], true, "demo-jeugdhulp-twente"),
    ];
}
