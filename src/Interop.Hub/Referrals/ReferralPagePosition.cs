namespace Interop.Hub.Referrals;

/// <summary>Where a page of referrals ended: the last referral's submit_time (HubTime) and id (newest first, id breaks ties).</summary>
/// <param name="SubmitTime">The last referral's submit_time.</param>
/// <param name="ReferralId">The last referral's id.</param>
internal sealed record ReferralPagePosition(long SubmitTime, string ReferralId);
