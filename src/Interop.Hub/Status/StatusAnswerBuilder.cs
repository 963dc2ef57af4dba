using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// Builds a status answer from a <see cref="JongereSnapshot"/>, part by part, each filtered by the requester's basis
/// for the categories it carries (<see cref="StatusPartCategories"/>). The requester's own involvement, referrals and
/// handovers are shown even in a withheld part: they are its own data. Everything else in a withheld part is left
/// out, so an answer without any basis is the same whether or not the hub knows the jongere, apart from
/// regisseur_contactable.
/// </summary>
internal sealed class StatusAnswerBuilder(JongereSnapshot snapshot, StatusDecisions decisions, PartnerLookup partners, string callerOin, CancellationToken cancellationToken)
{
    private readonly Dictionary<ProcessingLegalBasis, SortedSet<DataCategory>> _disclosed = [];

    /// <summary>The answer as of <paramref name="now"/>.</summary>
    public async Task<StatusAnswer> BuildAsync(DateTimeOffset now)
    {
        var response = new GetJongereStatusResponse
        {
            AsOfTime = Timestamp.FromDateTimeOffset(now),
            RegisseurContactable = snapshot.Plan?.Regisseur?.Organisation?.Oin is { } regisseurOin
                && await partners.FindEnabledAsync(regisseurOin, cancellationToken).ConfigureAwait(false) is not null,
        };

        var (known, knownVisible, knownBasis) = Decide(KnownPart.Descriptor, []);
        var ownPart = snapshot.Involves(callerOin);
        response.Known = new KnownPart { Disclosure = known, Known = knownVisible ? snapshot.Known : ownPart };
        response.Involvements = await InvolvementsAsync().ConfigureAwait(false);
        response.Regisseur = await RegisseurAsync().ConfigureAwait(false);
        response.OpenReferrals = await ReferralsAsync().ConfigureAwait(false);
        response.OpenHandovers = await HandoversAsync().ConfigureAwait(false);
        foreach (var leefgebied in LeefgebiedMask.All)
        {
            response.Leefgebieden.Add(await LeefgebiedAsync(leefgebied).ConfigureAwait(false));
        }

        if (knownVisible)
        {
            // The subject_ref goes with the knowledge that the hub knows (or not) the jongere.
            _disclosed[knownBasis].Add(DataCategory.Pseudonym);
        }

        return new StatusAnswer(snapshot.Pseudonym, response, knownVisible || ownPart, _disclosed.ToDictionary(e => e.Key, e => (IReadOnlyList<DataCategory>)[.. e.Value]));
    }

    private async Task<InvolvementsPart> InvolvementsAsync()
    {
        var others = snapshot.Involvements.Where(i => i.OrganisationOin != callerOin).ToList();
        var (disclosure, visible, _) = Decide(InvolvementsPart.Descriptor, LeefgebiedMask.ToList(others.Aggregate(0L, (m, i) => m | i.LeefgebiedMask)));
        var part = new InvolvementsPart { Disclosure = disclosure };
        foreach (var row in snapshot.Involvements.Where(i => visible || i.OrganisationOin == callerOin))
        {
            part.Involvements.Add(InvolvementRegistration.ToContract(row, await RefAsync(row.OrganisationOin).ConfigureAwait(false)));
        }

        return part;
    }

    private async Task<RegisseurPart> RegisseurAsync()
    {
        var (disclosure, visible, _) = Decide(RegisseurPart.Descriptor, []);
        var regisseur = snapshot.Plan?.Regisseur;
        return new RegisseurPart
        {
            Disclosure = disclosure,
            Regisseur = visible || regisseur?.Organisation?.Oin == callerOin ? regisseur : null,
        };
    }

    private async Task<OpenReferralsPart> ReferralsAsync()
    {
        var others = snapshot.OpenReferrals.Where(r => !r.Involves(callerOin)).ToList();
        var (disclosure, visible, _) = Decide(OpenReferralsPart.Descriptor, LeefgebiedMask.ToList(others.Aggregate(0L, (m, r) => m | r.LeefgebiedMask)));
        var part = new OpenReferralsPart { Disclosure = disclosure };
        foreach (var row in snapshot.OpenReferrals.Where(r => visible || r.Involves(callerOin)))
        {
            var summary = new ReferralSummary
            {
                ReferralId = row.ReferralId,
                Sender = await RefAsync(row.SenderOin).ConfigureAwait(false),
                Receiver = await RefAsync(row.ReceiverOin).ConfigureAwait(false),
                Status = (ReferralStatus)row.Status,
                SubmitTime = HubTime.ToTimestamp(row.SubmitTime),
            };
            summary.Leefgebieden.AddRange(LeefgebiedMask.ToList(row.LeefgebiedMask));
            part.Referrals.Add(summary);
        }

        return part;
    }

    private async Task<OpenHandoversPart> HandoversAsync()
    {
        var (disclosure, visible, _) = Decide(OpenHandoversPart.Descriptor, []);
        var part = new OpenHandoversPart { Disclosure = disclosure };
        foreach (var row in snapshot.OpenHandovers.Where(h => visible || h.Involves(callerOin)))
        {
            part.Handovers.Add(new HandoverSummary
            {
                HandoverId = row.HandoverId,
                FromOrganisation = await RefAsync(row.FromOin).ConfigureAwait(false),
                ToOrganisation = await RefAsync(row.ToOin).ConfigureAwait(false),
                Reason = (HandoverReason)row.Reason,
                OfferTime = HubTime.ToTimestamp(row.OfferTime),
            });
        }

        return part;
    }

    private async Task<LeefgebiedStatus> LeefgebiedAsync(Leefgebied leefgebied)
    {
        var (disclosure, visible, _) = Decide(LeefgebiedStatus.Descriptor, [leefgebied]);
        var status = new LeefgebiedStatus { Leefgebied = leefgebied, Disclosure = disclosure };
        if (!visible)
        {
            return status;
        }

        var bit = LeefgebiedMask.Bit(leefgebied);
        var involvements = snapshot.Involvements.Where(i => (i.LeefgebiedMask & bit) != 0).ToList();
        var referrals = snapshot.OpenReferrals.Where(r => (r.LeefgebiedMask & bit) != 0).ToList();
        var goals = snapshot.Plan?.Goals.Where(g => g.Leefgebied == leefgebied).ToList() ?? [];
        status.State = LeefgebiedStates.Derive(involvements.Count > 0, referrals.Select(r => (ReferralStatus)r.Status), goals.Select(g => g.State));

        var oins = involvements.Select(i => i.OrganisationOin)
            .Concat(referrals.SelectMany(r => new[] { r.SenderOin, r.ReceiverOin }))
            .Concat(goals.Count > 0 && snapshot.Plan?.Holder?.Oin is { } holder ? [holder] : [])
            .Distinct(StringComparer.Ordinal);
        foreach (var oin in oins)
        {
            status.Organisations.Add(await RefAsync(oin).ConfigureAwait(false));
        }

        return status;
    }

    private (Disclosure Disclosure, bool Visible, ProcessingLegalBasis Basis) Decide(MessageDescriptor part, IReadOnlyList<Leefgebied> leefgebieden)
    {
        var categories = StatusPartCategories.Of(part);
        var decision = decisions.Decide(StatusPartCategories.ForBasis(part), leefgebieden);
        if (decision.Permitted)
        {
            if (!_disclosed.TryGetValue(decision.Basis, out var disclosed))
            {
                disclosed = [];
                _disclosed[decision.Basis] = disclosed;
            }

            disclosed.UnionWith(categories);
        }

        return (StatusDecisions.ToDisclosure(decision), decision.Permitted, decision.Basis);
    }

    private Task<OrganisationRef> RefAsync(string oin) => partners.RefAsync(oin, cancellationToken);
}
