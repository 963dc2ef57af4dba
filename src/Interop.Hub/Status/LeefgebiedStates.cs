using Interop.Contracts.V1;

namespace Interop.Hub.JongereStatus;

/// <summary>Where a jongere stands on one leefgebied, derived as status.proto's LeefgebiedState describes.</summary>
internal static class LeefgebiedStates
{
    /// <summary>
    /// A referral awaiting a decision needs attention first; an accepted referral or an open plan goal means help is
    /// being given; plan goals all reached or dropped (and no referral open) is settled; an involvement without a
    /// plan goal needs attention; nothing registered is no activity.
    /// </summary>
    public static LeefgebiedState Derive(bool involved, IEnumerable<ReferralStatus> openReferrals, IEnumerable<PlanGoalState> goals)
    {
        var referrals = openReferrals.ToList();
        var goalStates = goals.ToList();
        if (referrals.Contains(ReferralStatus.Submitted))
        {
            return LeefgebiedState.Attention;
        }

        if (referrals.Contains(ReferralStatus.Accepted) || goalStates.Any(g => g is PlanGoalState.Open or PlanGoalState.InProgress))
        {
            return LeefgebiedState.InProgress;
        }

        if (goalStates.Count > 0)
        {
            return LeefgebiedState.Settled;
        }

        return involved ? LeefgebiedState.Attention : LeefgebiedState.NoActivity;
    }
}
