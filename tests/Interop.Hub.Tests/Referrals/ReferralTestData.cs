namespace Interop.Hub.Tests.Referrals;

/// <summary>Codes of the hub's default configuration (src/Interop.Hub/appsettings.json) the referral tests rely on.</summary>
internal static class ReferralTestData
{
    /// <summary>A purpose in the default register.</summary>
    public const string PurposeCode = "begeleiding-naar-onderwijs-of-werk";

    /// <summary>A statutory task the default configuration gives to ROCs.</summary>
    public const string RocTaskCode = "TODO";
}
