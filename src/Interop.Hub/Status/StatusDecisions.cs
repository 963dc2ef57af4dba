using Interop.Contracts.V1;
using Interop.Hub.LegalBasis;
using Interop.Hub.Storage;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// Asks the <see cref="ILegalBasisResolver"/> about one requester and jongere, once per distinct question (parts
/// carrying the same categories on the same leefgebieden share an answer), all on the jongere's consents as read with
/// the rest of the answer's snapshot.
/// </summary>
internal sealed class StatusDecisions(ILegalBasisResolver resolver, SubjectConsents consents, BasisQuery template, DateTimeOffset now)
{
    private readonly Dictionary<(long Categories, long Leefgebieden), BasisDecision> _answers = [];

    /// <summary>The decision for data of <paramref name="categories"/> on <paramref name="leefgebieden"/> (empty: none in particular).</summary>
    public BasisDecision Decide(IReadOnlyList<DataCategory> categories, IReadOnlyList<Leefgebied> leefgebieden)
    {
        var key = (EnumMask.Of(categories), LeefgebiedMask.From(leefgebieden));
        if (!_answers.TryGetValue(key, out var decision))
        {
            decision = resolver.Decide(consents, template with { Leefgebieden = leefgebieden, DataCategories = categories }, now);
            _answers[key] = decision;
        }

        return decision;
    }

    /// <summary>The Disclosure a part shows for <paramref name="decision"/>.</summary>
    public static Disclosure ToDisclosure(BasisDecision decision) => decision.Permitted
        ? new Disclosure { Visibility = Visibility.Visible, LegalBasis = decision.ContractBasis }
        : new Disclosure { Visibility = Visibility.Withheld, WithheldReason = decision.WithheldReason == WithheldReason.Unspecified ? WithheldReason.NoLegalBasis : decision.WithheldReason };
}
