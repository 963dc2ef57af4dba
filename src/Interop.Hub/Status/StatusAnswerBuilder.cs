using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// Builds a status answer from a <see cref="JongereSnapshot"/>, part by part, each filtered by the requester's basis
/// for the categories it carries (<see cref="StatusPartCategories"/>): first every part is decided
/// (<see cref="Decide"/>, in the write that records the disclosure), then the answer is rendered on those decisions
/// (<see cref="BuildAsync"/>, after the write, off the single writer). The requester's own involvement, referrals and
/// handovers are shown even in a withheld part: they are its own data. Everything else in a withheld part is left
/// out, so an answer without any basis is the same whether or not the hub knows the jongere, apart from
/// regisseur_contactable.
/// </summary>
internal sealed class StatusAnswerBuilder(JongereSnapshot snapshot, StatusDecisions decisions, PartnerLookup partners, string callerOin, CancellationToken cancellationToken)
{
    private readonly Dictionary<ProcessingLegalBasis, SortedSet<DataCategory>> _disclosed = [];
    private readonly PartDecision[] _leefgebieden = new PartDecision[LeefgebiedMask.All.Count];
    private PartDecision _known;
    private PartDecision _involvements;
    private PartDecision _regisseur;
    private PartDecision _referrals;
    private PartDecision _handovers;
    private bool _ownPart;
    private bool _decided;

    /// <summary>
    /// Decides every part and returns what the answer discloses. Runs in the write that records it, on the snapshot
    /// read there; <see cref="BuildAsync"/> then only renders these decisions.
    /// </summary>
    public StatusDisclosure Decide()
    {
        if (_decided)
        {
            throw new InvalidOperationException("The parts are decided already.");
        }

        _known = DecidePart(KnownPart.Descriptor, []);
        var otherInvolvements = snapshot.Involvements.Where(i => i.OrganisationOin != callerOin).Aggregate(0L, (m, i) => m | i.LeefgebiedMask);
        _involvements = DecidePart(InvolvementsPart.Descriptor, LeefgebiedMask.ToList(otherInvolvements));
        _regisseur = DecidePart(RegisseurPart.Descriptor, []);
        var otherReferrals = snapshot.OpenReferrals.Where(r => !r.Involves(callerOin)).Aggregate(0L, (m, r) => m | r.LeefgebiedMask);
        _referrals = DecidePart(OpenReferralsPart.Descriptor, LeefgebiedMask.ToList(otherReferrals));
        _handovers = DecidePart(OpenHandoversPart.Descriptor, []);
        for (var i = 0; i < _leefgebieden.Length; i++)
        {
            _leefgebieden[i] = DecidePart(LeefgebiedStatus.Descriptor, [LeefgebiedMask.All[i]]);
        }

        if (_known.Visible)
        {
            // The subject_ref goes with the knowledge that the hub knows (or not) the jongere.
            _disclosed[_known.Basis].Add(DataCategory.Pseudonym);
        }

        _ownPart = snapshot.Involves(callerOin);
        _decided = true;
        return new StatusDisclosure(
            snapshot.Pseudonym,
            _known.Visible || _ownPart,
            _disclosed.ToDictionary(e => e.Key, e => (IReadOnlyList<DataCategory>)[.. e.Value]));
    }

    /// <summary>The answer as of <paramref name="now"/>, on the decisions of <see cref="Decide"/>; without its subject_ref.</summary>
    public async Task<GetJongereStatusResponse> BuildAsync(DateTimeOffset now)
    {
        if (!_decided)
        {
            throw new InvalidOperationException("Decide the parts first: the answer shows what the processing log records.");
        }

        var response = new GetJongereStatusResponse
        {
            AsOfTime = Timestamp.FromDateTimeOffset(now),
            RegisseurContactable = snapshot.Plan?.Regisseur?.Organisation?.Oin is { } regisseurOin
                && await partners.FindEnabledAsync(regisseurOin, cancellationToken).ConfigureAwait(false) is not null,
            Known = new KnownPart { Disclosure = _known.Disclosure, Known = _known.Visible ? snapshot.Known : _ownPart },
            Involvements = await InvolvementsAsync().ConfigureAwait(false),
            Regisseur = Regisseur(),
            OpenReferrals = await ReferralsAsync().ConfigureAwait(false),
            OpenHandovers = await HandoversAsync().ConfigureAwait(false),
        };
        for (var i = 0; i < _leefgebieden.Length; i++)
        {
            response.Leefgebieden.Add(await LeefgebiedAsync(LeefgebiedMask.All[i], _leefgebieden[i]).ConfigureAwait(false));
        }

        return response;
    }

    private async Task<InvolvementsPart> InvolvementsAsync()
    {
        var part = new InvolvementsPart { Disclosure = _involvements.Disclosure };
        foreach (var row in snapshot.Involvements.Where(i => _involvements.Visible || i.OrganisationOin == callerOin))
        {
            part.Involvements.Add(InvolvementRegistration.ToContract(row, await RefAsync(row.OrganisationOin).ConfigureAwait(false)));
        }

        return part;
    }

    private RegisseurPart Regisseur()
    {
        var regisseur = snapshot.Plan?.Regisseur;
        return new RegisseurPart
        {
            Disclosure = _regisseur.Disclosure,
            Regisseur = _regisseur.Visible || regisseur?.Organisation?.Oin == callerOin ? regisseur : null,
        };
    }

    private async Task<OpenReferralsPart> ReferralsAsync()
    {
        var part = new OpenReferralsPart { Disclosure = _referrals.Disclosure };
        foreach (var row in snapshot.OpenReferrals.Where(r => _referrals.Visible || r.Involves(callerOin)))
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
        var part = new OpenHandoversPart { Disclosure = _handovers.Disclosure };
        foreach (var row in snapshot.OpenHandovers.Where(h => _handovers.Visible || h.Involves(callerOin)))
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

    private async Task<LeefgebiedStatus> LeefgebiedAsync(Leefgebied leefgebied, PartDecision decision)
    {
        var status = new LeefgebiedStatus { Leefgebied = leefgebied, Disclosure = decision.Disclosure };
        if (!decision.Visible)
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

    private PartDecision DecidePart(MessageDescriptor part, IReadOnlyList<Leefgebied> leefgebieden)
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

        return new PartDecision(StatusDecisions.ToDisclosure(decision), decision.Permitted, decision.Basis);
    }

    private Task<OrganisationRef> RefAsync(string oin) => partners.RefAsync(oin, cancellationToken);

    private readonly record struct PartDecision(Disclosure Disclosure, bool Visible, ProcessingLegalBasis Basis);
}
