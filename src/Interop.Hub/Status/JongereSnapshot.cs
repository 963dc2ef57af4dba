using Interop.Contracts.V1;

namespace Interop.Hub.JongereStatus;

/// <summary>What the hub holds about a jongere that a status answer is built from, read at one moment.</summary>
/// <param name="Pseudonym">The jongere.</param>
/// <param name="Known">Whether any involvement, referral, plan, handover or consent names the jongere.</param>
/// <param name="CallerRefIssued">Whether the hub has issued the requester its subject_ref for the jongere.</param>
/// <param name="Involvements">The active involvements.</param>
/// <param name="OpenReferrals">The referrals SUBMITTED or ACCEPTED.</param>
/// <param name="OpenHandovers">The handovers OFFERED.</param>
/// <param name="Plan">The current plan, or null.</param>
internal sealed record JongereSnapshot(
    string Pseudonym,
    bool Known,
    bool CallerRefIssued,
    IReadOnlyList<InvolvementRow> Involvements,
    IReadOnlyList<ReferralRow> OpenReferrals,
    IReadOnlyList<HandoverRow> OpenHandovers,
    Plan? Plan)
{
    /// <summary>Whether <paramref name="oin"/> itself takes part: involved, party to an open referral or handover, or holding the plan.</summary>
    public bool Involves(string oin) =>
        Involvements.Any(i => i.OrganisationOin == oin)
        || OpenReferrals.Any(r => r.Involves(oin))
        || OpenHandovers.Any(h => h.Involves(oin))
        || Plan?.Holder?.Oin == oin
        || Plan?.Regisseur?.Organisation?.Oin == oin;
}
