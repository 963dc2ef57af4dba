using Interop.Hub.LegalBasis;

namespace Interop.Hub.JongereStatus;

/// <summary>The rows of the status snapshot's six statements, as read (the plan is completed from its row after).</summary>
internal sealed record SnapshotRows(
    List<InvolvementRow> Involvements,
    List<ReferralRow> Referrals,
    List<HandoverRow> Handovers,
    PlanRow? Plan,
    bool Known,
    bool Issued,
    List<ConsentRow> Consents);
