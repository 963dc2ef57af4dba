namespace Interop.Hub.Tests.Referrals;

/// <summary>Codes of the hub's default configuration (src/Interop.Hub/appsettings.json) the referral tests rely on.</summary>
internal static class ReferralTestData
{
    /// <summary>A purpose in the default register, served by the ROC's statutory task.</summary>
    public const string PurposeCode = "begeleiding-naar-onderwijs-of-werk";

    /// <summary>The purpose of zorg referrals (no ROC task serves it: they rest on the jongere's consent).</summary>
    public const string ZorgPurposeCode = "zorg-en-ondersteuning";

    /// <summary>The statutory task the default configuration gives to ROCs: reporting absence (onderwijs) to RMC and leerplicht.</summary>
    public const string RocTaskCode = "verzuimmelding";
}
