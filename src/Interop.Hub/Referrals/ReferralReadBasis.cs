using System.Data.Common;
using Interop.Contracts.V1;
using Interop.Federation.Grpc;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.ProcessingLog;

namespace Interop.Hub.Referrals;

/// <summary>
/// A receiver got a consent-based referral's identifying details under the jongere's consent; once that consent is
/// revoked or has expired it gets no more data under it (consent.proto), so its reads leave out the person details
/// and the BSN (Referral.person: "empty for readers without a basis for them"). The referral itself, its status and
/// its case text stay readable so the receiver can still decline, complete or be told of a withdrawal. The sender
/// disclosed the data and keeps seeing what it sent.
/// </summary>
internal sealed class ReferralReadBasis(ILegalBasisResolver resolver, TimeProvider time)
{
    /// <summary>Whether <paramref name="reader"/> may still see the identifying details of <paramref name="referral"/>.</summary>
    public async Task<bool> CoversIdentifyingDataAsync(DbConnection connection, DbTransaction? transaction, HubCaller reader, ReferralRow row, Referral referral, CancellationToken cancellationToken)
    {
        if (row.ReceiverOin != reader.Oin || (ProcessingLegalBasisKind)row.LegalBasisKind != ProcessingLegalBasisKind.Consent)
        {
            return true;
        }

        var query = new BasisQuery(
            row.SubjectPseudonym,
            reader.Oin,
            OrganisationKindMapping.ToContract(reader.OrganisationKind),
            reader.RmcRegion,
            row.PurposeCode,
            referral.Leefgebieden,
            ReferralDataCategories.Of(referral, withBsn: true),
            new Contracts.V1.LegalBasis { ConsentId = row.LegalBasisValue });
        var decision = await resolver.DecideAsync(connection, transaction, query, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return decision.Permitted;
    }

    /// <summary>Leaves out what the reader no longer has a basis for.</summary>
    public static void WithholdIdentifyingData(Referral referral)
    {
        referral.Person = null;
        referral.Subject.Bsn = "";
    }
}
