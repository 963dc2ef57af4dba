using System.Data.Common;
using Dapper;
using Interop.Contracts.V1;
using Interop.Hub.Storage;
using Interop.ProcessingLog;
using Microsoft.Extensions.Options;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// The hub's <see cref="ILegalBasisResolver"/>. A statutory task applies when the organisation's kind holds it and it
/// covers the purpose, every leefgebied and every data category asked for. A consent applies when it is the jongere's,
/// names the organisation (or its kind, within its region if one is given), is for the purpose, covers every
/// leefgebied and category asked for, and is valid now (valid_from &lt;= now &lt; valid_until, not revoked). Health and
/// justice data are covered only when named. Without a claimed basis, a covering statutory task wins over consent
/// (it does not depend on the jongere's choice); among consents the one valid longest wins. When nothing covers,
/// the reason is the most specific one found: a consent that covers all but special categories
/// (SPECIAL_CATEGORY), one that covers part (OUTSIDE_CONSENT), one that would cover but is revoked
/// (CONSENT_REVOKED) or not valid now (CONSENT_NOT_VALID), none naming the organisation (NO_CONSENT), or, for a
/// claimed statutory task that does not apply, NO_LEGAL_BASIS.
/// </summary>
internal sealed class LegalBasisResolver(IOptions<LegalBasisOptions> options) : ILegalBasisResolver
{
    private const long SpecialCategories = (1L << (int)DataCategory.Health) | (1L << (int)DataCategory.Justice);

    // Each task's leefgebieden and categories as masks, computed once: a status answer asks about a dozen parts, each
    // against every task.
    private readonly TaskScope[] _scopes = [.. options.Value.StatutoryTasks.Select(t => new TaskScope(t, EnumMask.Of(t.Leefgebieden), EnumMask.Of(t.DataCategories)))];

    /// <inheritdoc />
    public async Task<BasisDecision> DecideAsync(DbConnection connection, DbTransaction? transaction, BasisQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var consents = await LoadConsentsAsync(connection, transaction, query.SubjectPseudonym, cancellationToken).ConfigureAwait(false);
        return Decide(consents, query, now);
    }

    private static async Task<SubjectConsents> LoadConsentsAsync(DbConnection connection, DbTransaction? transaction, string subjectPseudonym, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<ConsentRow>(new CommandDefinition(
            ConsentRow.SelectBySubject,
            new { pseudonym = subjectPseudonym },
            transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return new SubjectConsents(subjectPseudonym, rows.ToList());
    }

    /// <inheritdoc />
    public BasisDecision Decide(SubjectConsents consents, BasisQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(query);
        if (!string.Equals(consents.SubjectPseudonym, query.SubjectPseudonym, StringComparison.Ordinal))
        {
            throw new ArgumentException("The consents are of another jongere than the query's.", nameof(consents));
        }

        var leefgebieden = EnumMask.Of(query.Leefgebieden) & ~EnumMask.Bit(Leefgebied.Unspecified);
        var categories = EnumMask.Of(query.DataCategories) & ~EnumMask.Bit(DataCategory.Unspecified);

        switch (query.Claimed?.BasisCase)
        {
            case Contracts.V1.LegalBasis.BasisOneofCase.StatutoryTask:
                var claimed = FindScope(query.Claimed.StatutoryTask.Code);
                return claimed is not null && Covers(claimed, query, leefgebieden, categories)
                    ? TaskDecision(claimed.Task, categories)
                    : BasisDecision.Withheld(WithheldReason.NoLegalBasis);
            case Contracts.V1.LegalBasis.BasisOneofCase.ConsentId:
                var id = query.Claimed.ConsentId;
                return Evaluate(consents.Rows.Where(c => c.ConsentId == id && NamesGrantee(c, query)).ToList(), query, leefgebieden, categories, now);
        }

        foreach (var scope in _scopes)
        {
            if (Covers(scope, query, leefgebieden, categories))
            {
                return TaskDecision(scope.Task, categories);
            }
        }

        return Evaluate(consents.Rows.Where(c => NamesGrantee(c, query)).ToList(), query, leefgebieden, categories, now);
    }

    /// <summary>The statutory task with <paramref name="code"/>, or null.</summary>
    public StatutoryTaskOptions? FindTask(string code) => FindScope(code)?.Task;

    private TaskScope? FindScope(string code) => Array.Find(_scopes, t => t.Task.Code == code);

    private static bool Covers(TaskScope scope, BasisQuery query, long leefgebieden, long categories) =>
        (leefgebieden & ~scope.Leefgebieden) == 0
        && (categories & ~scope.Categories) == 0
        && scope.Task.OrganisationKinds.Contains(query.OrganisationKind)
        && scope.Task.Purposes.Contains(query.PurposeCode, StringComparer.Ordinal);

    private static BasisDecision TaskDecision(StatutoryTaskOptions task, long categories) => new(
        true,
        ProcessingLegalBasis.StatutoryTask(task.Code),
        new Contracts.V1.LegalBasis { StatutoryTask = new StatutoryTask { Code = task.Code, LegalReference = task.LegalReference } },
        WithheldReason.Unspecified,
        EnumMask.ToList<DataCategory>(categories),
        null);

    private static bool NamesGrantee(ConsentRow consent, BasisQuery query) =>
        consent.GranteeOin is { Length: > 0 } oin
            ? string.Equals(oin, query.OrganisationOin, StringComparison.Ordinal)
            : consent.GranteeKind == (int)query.OrganisationKind
              && (string.IsNullOrEmpty(consent.GranteeRegion) || string.Equals(consent.GranteeRegion, query.RmcRegion, StringComparison.OrdinalIgnoreCase));

    private static BasisDecision Evaluate(List<ConsentRow> consents, BasisQuery query, long leefgebieden, long categories, DateTimeOffset now)
    {
        if (consents.Count == 0)
        {
            return BasisDecision.Withheld(WithheldReason.NoConsent);
        }

        var nowStored = HubTime.ToStored(now);
        ConsentRow? best = null;
        var reason = WithheldReason.Unspecified;
        long bestPartial = 0;
        foreach (var consent in consents)
        {
            var inScope = consent.PurposeCode == query.PurposeCode && (leefgebieden & ~consent.LeefgebiedMask) == 0;
            var covered = categories & consent.CategoryMask;
            var coversAll = inScope && covered == categories;
            var valid = consent.RevokeTime is null && consent.ValidFrom <= nowStored && (consent.ValidUntil is null || nowStored < consent.ValidUntil);
            if (coversAll && valid)
            {
                if (best is null || (consent.ValidUntil ?? long.MaxValue) > (best.ValidUntil ?? long.MaxValue))
                {
                    best = consent;
                }

                continue;
            }

            var candidate = !coversAll
                ? (valid && inScope && ((categories & ~covered) & ~SpecialCategories) == 0 ? WithheldReason.SpecialCategory : WithheldReason.OutsideConsent)
                : consent.RevokeTime is not null ? WithheldReason.ConsentRevoked : WithheldReason.ConsentNotValid;
            if (valid && inScope && !coversAll && PopCount(covered) > PopCount(bestPartial))
            {
                bestPartial = covered;
            }

            if (Rank(candidate) > Rank(reason))
            {
                reason = candidate;
            }
        }

        if (best is not null)
        {
            return new BasisDecision(
                true,
                ProcessingLegalBasis.Consent(best.ConsentId),
                new Contracts.V1.LegalBasis { ConsentId = best.ConsentId },
                WithheldReason.Unspecified,
                EnumMask.ToList<DataCategory>(categories),
                best.ValidUntil is { } until ? HubTime.FromStored(until) : null);
        }

        return new BasisDecision(false, ProcessingLegalBasis.None, null, reason, EnumMask.ToList<DataCategory>(bestPartial), null);
    }

    // The most specific reason wins: a consent that nearly covers tells the reader more than one that does not.
    private static int Rank(WithheldReason reason) => reason switch
    {
        WithheldReason.SpecialCategory => 5,
        WithheldReason.ConsentRevoked => 4,
        WithheldReason.ConsentNotValid => 3,
        WithheldReason.OutsideConsent => 2,
        _ => 0,
    };

    private static int PopCount(long mask) => System.Numerics.BitOperations.PopCount((ulong)mask);

    private sealed record TaskScope(StatutoryTaskOptions Task, long Leefgebieden, long Categories);
}
