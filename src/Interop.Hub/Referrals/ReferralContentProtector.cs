using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Privacy;

namespace Interop.Hub.Referrals;

/// <summary>
/// Encrypts a referral's personal content (a <see cref="Referral"/> holding person, reason, sender_reference, decline
/// and withdraw texts, outcome, legal basis and the decision times) for its row, bound to it by the associated data
/// "referral:" + referral_id so content cannot be moved to another row.
/// </summary>
internal sealed class ReferralContentProtector(PersonalDataProtector protector)
{
    /// <summary>The stored (base64) form of <paramref name="content"/> for referral <paramref name="referralId"/>.</summary>
    public string Protect(Referral content, string referralId) =>
        Convert.ToBase64String(protector.Protect(content.ToByteArray(), System.Text.Encoding.UTF8.GetBytes("referral:" + referralId)));

    /// <summary>The content of <paramref name="row"/>.</summary>
    public Referral Unprotect(ReferralRow row) =>
        Referral.Parser.ParseFrom(protector.Unprotect(Convert.FromBase64String(row.Content), System.Text.Encoding.UTF8.GetBytes("referral:" + row.ReferralId)));
}
