using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Hub.LegalBasis;

namespace Interop.Hub.JongereStatus;

/// <summary>
/// Asks the <see cref="ILegalBasisResolver"/> about one requester and jongere, once per distinct question (parts
/// carrying the same categories on the same leefgebieden share an answer), on one read of the jongere's consents.
/// </summary>
internal sealed class StatusDecisions(ILegalBasisResolver resolver, DbConnection connection, DbTransaction? transaction, BasisQuery template, DateTimeOffset now)
{
    private readonly Dictionary<string, BasisDecision> _answers = new(StringComparer.Ordinal);
    private SubjectConsents? _consents;

    /// <summary>The decision for data of <paramref name="categories"/> on <paramref name="leefgebieden"/> (empty: none in particular).</summary>
    public async Task<BasisDecision> DecideAsync(IReadOnlyList<DataCategory> categories, IReadOnlyList<Leefgebied> leefgebieden, CancellationToken cancellationToken)
    {
        var key = string.Join(',', categories.Select(c => (int)c)) + "|" + LeefgebiedMask.From(leefgebieden);
        if (!_answers.TryGetValue(key, out var decision))
        {
            // The jongere's consents are read once per answer; every part is decided on that one read.
            _consents ??= await resolver.LoadConsentsAsync(connection, transaction, template.SubjectPseudonym, cancellationToken).ConfigureAwait(false);
            decision = resolver.Decide(_consents, template with { Leefgebieden = leefgebieden, DataCategories = categories }, now);
            _answers[key] = decision;
        }

        return decision;
    }

    /// <summary>The Disclosure a part shows for <paramref name="decision"/>.</summary>
    public static Disclosure ToDisclosure(BasisDecision decision) => decision.Permitted
        ? new Disclosure { Visibility = Visibility.Visible, LegalBasis = decision.ContractBasis }
        : new Disclosure { Visibility = Visibility.Withheld, WithheldReason = decision.WithheldReason == WithheldReason.Unspecified ? WithheldReason.NoLegalBasis : decision.WithheldReason };
}
