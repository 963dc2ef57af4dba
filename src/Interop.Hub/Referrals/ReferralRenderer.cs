using Interop.Contracts.V1;
using Interop.Hub.PartnerDirectory;
using Interop.Hub.Storage;
using Interop.Hub.Subjects;
using Interop.Privacy;

namespace Interop.Hub.Referrals;

/// <summary>
/// Builds the <see cref="Referral"/> a party reads: the plain columns (authoritative for status, version and times),
/// the decrypted content, both organisations as references, and the jongere as the reader's own subject_ref plus
/// the BSN (common.proto and referrals.proto: the sender and the receiver of a referral get the BSN; nobody else can
/// read a referral).
/// </summary>
internal sealed class ReferralRenderer(ReferralContentProtector content, SubjectDirectory subjects, SubjectPseudonymizer pseudonymizer, PartnerLookup partners)
{
    /// <summary>The referral of <paramref name="row"/> as <paramref name="readerOin"/> (its sender or receiver) sees it.</summary>
    public Task<Referral> RenderAsync(ReferralRow row, string readerOin, CancellationToken cancellationToken) =>
        RenderAsync(row, content.Unprotect(row), subjects.UnprotectBsn(row.BsnProtected, row.SubjectPseudonym), readerOin, cancellationToken);

    /// <summary>
    /// As <see cref="RenderAsync(ReferralRow, string, CancellationToken)"/>, with the row's content and the jongere's BSN
    /// already in plain (the write that stored them has them): nothing is decrypted, and <see cref="ReferralRow.Content"/>
    /// and <see cref="ReferralRow.BsnProtected"/> are not read. <paramref name="referral"/> becomes the answer.
    /// </summary>
    public async Task<Referral> RenderAsync(ReferralRow row, Referral referral, Bsn bsn, string readerOin, CancellationToken cancellationToken)
    {
        referral.ReferralId = row.ReferralId;
        referral.Sender = await partners.RefAsync(row.SenderOin, cancellationToken).ConfigureAwait(false);
        referral.Receiver = await partners.RefAsync(row.ReceiverOin, cancellationToken).ConfigureAwait(false);
        referral.Subject = new Subject { SubjectRef = pseudonymizer.SubjectRefFor(bsn, readerOin), Bsn = bsn.Value };
        referral.Status = row.ReferralStatus;
        referral.Version = row.Version;
        referral.Urgency = (Urgency)row.Urgency;
        referral.SubmitTime = HubTime.ToTimestamp(row.SubmitTime);
        referral.UpdateTime = HubTime.ToTimestamp(row.UpdateTime);
        return referral;
    }
}
