using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;

namespace Interop.Hub.Handovers;

/// <summary>Builds the contract's <see cref="Plan"/> and <see cref="Handover"/> from stored rows, decrypting their content.</summary>
internal sealed class PlanMapping(PartnerLookup partners, PlanContentProtector protector)
{
    /// <summary>
    /// One version of a plan for a reader whose subject_ref is <paramref name="readerRef"/> (empty leaves the subject
    /// unset). Without <paramref name="withContent"/> only identifiers, holder and times: no goals, agreements or regisseur.
    /// </summary>
    public async Task<Plan> ToPlanAsync(PlanRow plan, PlanVersionRow version, string readerRef, bool withContent, CancellationToken cancellationToken)
    {
        var result = new Plan
        {
            PlanId = plan.PlanId,
            Version = version.Version,
            Subject = readerRef.Length > 0 ? new Subject { SubjectRef = readerRef } : null,
            Holder = await partners.RefAsync(version.HolderOin, cancellationToken).ConfigureAwait(false),
            UpdateTime = HubTime.ToTimestamp(version.RecordTime),
            CreateTime = HubTime.ToTimestamp(plan.CreateTime),
        };
        if (withContent)
        {
            var content = protector.UnprotectPlan(version.Content, version.PlanId, version.Version);
            result.Goals.AddRange(content.Goals);
            foreach (var agreement in content.Agreements)
            {
                var copy = agreement.Clone();
                if (copy.Responsible is { } responsible)
                {
                    copy.Responsible = await partners.RefAsync(responsible.Oin, cancellationToken).ConfigureAwait(false);
                }

                result.Agreements.Add(copy);
            }

            result.Regisseur = content.Regisseur?.Clone() ?? new Regisseur();
            result.Regisseur.Organisation = await partners.RefAsync(version.RegisseurOin, cancellationToken).ConfigureAwait(false);
            result.Regisseur.SinceTime = HubTime.ToTimestamp(version.RegisseurSince);
        }

        return result;
    }

    /// <summary>A handover with the plan as offered (<paramref name="plan"/>, already mapped for the reader).</summary>
    public async Task<Handover> ToHandoverAsync(HandoverRow handover, Plan plan, CancellationToken cancellationToken)
    {
        var content = protector.UnprotectHandover(handover.Content, handover.HandoverId);
        return new Handover
        {
            HandoverId = handover.HandoverId,
            Version = handover.Version,
            Plan = plan,
            FromOrganisation = await partners.RefAsync(handover.FromOin, cancellationToken).ConfigureAwait(false),
            ToOrganisation = await partners.RefAsync(handover.ToOin, cancellationToken).ConfigureAwait(false),
            Reason = (HandoverReason)handover.Reason,
            Explanation = content.Explanation,
            PlannedTransferTime = content.PlannedTransferTime,
            Status = (HandoverStatus)handover.Status,
            DeclineReason = content.DeclineReason,
            OfferTime = HubTime.ToTimestamp(handover.OfferTime),
            DecideTime = HubTime.ToTimestamp(handover.DecideTime),
        };
    }

    /// <summary>
    /// Whether the reader <paramref name="oin"/> sees the content of the plan a handover carries: the offering
    /// organisation always (it held that version), the receiver unless it declined (after a decline it has no part in
    /// the plan any more; it keeps only the handover itself).
    /// </summary>
    public static bool ShowsPlanContent(HandoverRow handover, string oin) =>
        handover.FromOin == oin || (handover.ToOin == oin && handover.Status != (int)HandoverStatus.Declined);
}
