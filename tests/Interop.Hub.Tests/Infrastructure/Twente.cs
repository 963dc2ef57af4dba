using Interop.Contracts.V1;
using Interop.Federation.Registry;
using OrganisationKind = Interop.Federation.Registry.OrganisationKind;

namespace Interop.Hub.Tests.Infrastructure;

/// <summary>
/// A synthetic regio Twente (RMC38) plus one gemeente of a neighbouring region. The OINs are made up (valid in form
/// only); which leefgebieden each accepts referrals for and who takes over plans are part of the registry.
/// </summary>
public static class Twente
{
    public const string Enschede = "00000001001234567000";
    public const string Hengelo = "00000001001234568000";
    public const string Almelo = "00000001002000000000";
    public const string RocVanTwente = "00000001823288444000";
    public const string RmcTwente = "00000001003000000000";
    public const string Zorgaanbieder = "00000009000000000101";
    public const string Jeugdhulp = "00000009000000000102";

    /// <summary>Every scope a partner can hold.</summary>
    public static readonly string[] AllScopes =
    [
        "referrals.read", "referrals.write", "consent.read", "consent.write", "handovers.read", "handovers.write",
        "status.read", "status.write", "notifications.read", "processing-log.read", "processing-log.inzage", "directory.read",
    ];

    /// <summary>The partners as registered.</summary>
    public static IReadOnlyList<Organisation> Partners { get; } =
    [
        new(Enschede, "Gemeente Enschede", OrganisationKind.Gemeente, "RMC38")
        {
            ReferralLeefgebieden = [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.NetwerkEnVrijeTijd, Leefgebied.FinancienSchulden],
            AcceptsHandovers = true,
        },
        new(Hengelo, "Gemeente Hengelo", OrganisationKind.Gemeente, "RMC38")
        {
            ReferralLeefgebieden = [Leefgebied.WerkEnInkomen, Leefgebied.Zorg, Leefgebied.Wonen, Leefgebied.FinancienSchulden],
            AcceptsHandovers = true,
        },
        new(Almelo, "Gemeente Almelo", OrganisationKind.Gemeente, "RMC39")
        {
            ReferralLeefgebieden = [Leefgebied.Zorg, Leefgebied.Wonen],
            AcceptsHandovers = true,
        },
        new(RocVanTwente, "ROC van Twente", OrganisationKind.Roc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs] },
        new(RmcTwente, "RMC Twente", OrganisationKind.Rmc, "RMC38") { ReferralLeefgebieden = [Leefgebied.Onderwijs, Leefgebied.WerkEnInkomen] },
        new(Zorgaanbieder, "Zorgaanbieder Twente", OrganisationKind.Zorgaanbieder, null) { ReferralLeefgebieden = [Leefgebied.Zorg], AcceptsHandovers = true },
        new(Jeugdhulp, "Jeugdhulp Twente", OrganisationKind.Jeugdhulp, "RMC38") { ReferralLeefgebieden = [Leefgebied.Zorg, Leefgebied.NetwerkEnVrijeTijd], AcceptsHandovers = true },
    ];
}
