using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.LegalBasis;

/// <summary>
/// Remembers which organisations received a jongere's data under a consent, so that revoking it notifies each of
/// them. Every exchange that rests on consent calls <see cref="RecordAsync"/> in its write.
/// </summary>
internal static class ConsentDisclosures
{
    /// <summary>Records that <paramref name="recipientOin"/> received data under <paramref name="basis"/>, when it is a consent.</summary>
    public static Task RecordAsync(HubWriteContext context, ProcessingLegalBasis basis, string recipientOin, string subjectPseudonym)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(basis);
        if (basis.Kind != ProcessingLegalBasisKind.Consent)
        {
            return Task.CompletedTask;
        }

        // Every status read under consent runs this in the single writer.
        return context.ExecuteStatementAsync(
            "INSERT INTO consent_disclosure (consent_id, recipient_oin, subject_pseudonym, first_time) VALUES (@consentId, @recipientOin, @subjectPseudonym, @now) ON CONFLICT (consent_id, recipient_oin) DO NOTHING",
            [new("consentId", basis.Value), new("recipientOin", recipientOin), new("subjectPseudonym", subjectPseudonym), new("now", HubTime.ToStored(context.Now))]);
    }
}
