using System.Data.Common;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// Decides whether an exchange rests on consent (a registered, active consent of the jongere that covers the
/// organisation or its kind, the purpose, the leefgebieden and the data categories) or on a statutory task the
/// organisation's kind holds in the hub's configuration. Runs on the caller's connection, inside a write transaction
/// when given one, so a revocation committed before is always seen.
/// </summary>
internal interface ILegalBasisResolver
{
    /// <summary>Reads the jongere's consents and decides <paramref name="query"/>.</summary>
    Task<BasisDecision> DecideAsync(DbConnection connection, DbTransaction? transaction, BasisQuery query, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Decides <paramref name="query"/> on every consent of the same jongere, read once (<see cref="ConsentRow.SelectBySubject"/>)
    /// for several questions: a status answer asks per part.
    /// </summary>
    BasisDecision Decide(SubjectConsents consents, BasisQuery query, DateTimeOffset now);
}
