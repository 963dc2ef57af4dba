using Interop.Contracts.V1;
using Interop.Privacy;

namespace Interop.Hub.Referrals;

/// <summary>
/// What a submission's write stored: the referral's columns (<see cref="ReferralStore.InsertAsync"/>), its content
/// and the jongere's BSN in plain, so the sender's answer needs neither a read-back nor decryption.
/// </summary>
internal sealed record StoredSubmission(ReferralRow Row, Referral Content, Bsn Bsn);
