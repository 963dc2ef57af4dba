using System.Text;
using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Hub.LegalBasis;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Privacy;

namespace Interop.Hub.Consent;

/// <summary>
/// Turns consent rows into interop.v1.Consent messages for one reader, and the personal-data part (the provenance's
/// professional, giver and evidence) into the encrypted <c>details</c> column and back.
/// </summary>
internal sealed class ConsentMapping(PersonalDataProtector protector, PartnerLookup partners, PurposeRegister purposes)
{
    /// <summary>The associated data that binds a consent's details to its row (migration 0003).</summary>
    public static string DetailsContext(string consentId) => "consent:" + consentId;

    /// <summary>The associated data that binds a revocation's details to its row (migration 0006).</summary>
    public static string RevocationContext(string consentId) => "consent-revocation:" + consentId;

    /// <summary>The encrypted details of a new consent (base64), bound to <paramref name="consentId"/>.</summary>
    public string ProtectDetails(string consentId, ConsentProvenance provenance) =>
        Convert.ToBase64String(protector.Protect(provenance.ToByteArray(), Encoding.UTF8.GetBytes(DetailsContext(consentId))));

    /// <summary>The encrypted revoking professional (base64), bound to <paramref name="consentId"/>.</summary>
    public string ProtectRevocation(string consentId, string revokedByProfessional) =>
        Convert.ToBase64String(protector.Protect(revokedByProfessional, RevocationContext(consentId)));

    /// <summary>
    /// The consent as <paramref name="subjectRef"/>'s organisation reads it at <paramref name="now"/>: its own
    /// subject_ref, names of the organisations from the registry, the state computed now.
    /// </summary>
    public async Task<Contracts.V1.Consent> ToMessageAsync(StoredConsent row, string subjectRef, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var details = ConsentProvenance.Parser.ParseFrom(
            protector.Unprotect(Convert.FromBase64String(row.Details), Encoding.UTF8.GetBytes(DetailsContext(row.ConsentId))));
        var consent = new Contracts.V1.Consent
        {
            ConsentId = row.ConsentId,
            Subject = new Subject { SubjectRef = subjectRef },
            Grantee = row.GranteeOin is { } oin
                ? new ConsentGrantee { OrganisationOin = oin }
                : new ConsentGrantee { OrganisationKind = (OrganisationKind)(row.GranteeKind ?? 0), RmcRegion = row.GranteeRegion ?? "" },
            // A purpose since removed from the register still reads back, without its description.
            Purpose = purposes.TryGet(row.PurposeCode, out var purpose) ? purpose : new Purpose { Code = row.PurposeCode },
            ValidFrom = HubTime.ToTimestamp(row.ValidFrom),
            ValidUntil = HubTime.ToTimestamp(row.ValidUntil),
            Provenance = new ConsentProvenance
            {
                RecordedBy = await partners.RefAsync(row.RecordedByOin, cancellationToken).ConfigureAwait(false),
                RecordedByProfessional = details.RecordedByProfessional,
                RecordTime = HubTime.ToTimestamp(row.RecordTime),
                GivenBy = details.GivenBy,
                Evidence = details.Evidence ?? new ConsentEvidence(),
            },
            State = ConsentStates.At(row, now),
            RevokeTime = HubTime.ToTimestamp(row.RevokeTime),
            RevokedBy = row.RevokedByOin is { } revokedBy ? await partners.RefAsync(revokedBy, cancellationToken).ConfigureAwait(false) : null,
        };
        consent.Leefgebieden.AddRange(EnumMask.ToList<Leefgebied>(row.LeefgebiedMask));
        consent.DataCategories.AddRange(EnumMask.ToList<DataCategory>(row.CategoryMask));
        return consent;
    }
}
