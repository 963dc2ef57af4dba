using Interop.Contracts.V1;
using Interop.Hub.Subjects;

namespace Interop.Hub.Referrals;

/// <summary>A validated SubmitReferral request with everything the write needs computed up front (id, hash, encrypted content).</summary>
/// <param name="ReferralId">The id the referral gets if this request is not a retry.</param>
/// <param name="IdempotencyKey">The sender's key.</param>
/// <param name="RequestHash">SHA-256 (hex) of the request as received.</param>
/// <param name="SenderOin">The caller.</param>
/// <param name="ReceiverOin">The receiver.</param>
/// <param name="Subject">The jongere as the request named it.</param>
/// <param name="Leefgebieden">The leefgebieden, in request order.</param>
/// <param name="LeefgebiedMask">Bit (1 &lt;&lt; number) per leefgebied.</param>
/// <param name="Urgency">How soon.</param>
/// <param name="PurposeCode">The purpose (doelbinding).</param>
/// <param name="ClaimedBasis">The basis the request named, or null to let the hub look for one.</param>
/// <param name="Content">The personal content (person, reason, sender_reference, leefgebieden, urgency), unencrypted;
/// the write adds the legal basis it established and encrypts it (AES-GCM of a few KiB: microseconds).</param>
internal sealed record NewReferral(
    string ReferralId,
    string IdempotencyKey,
    string RequestHash,
    string SenderOin,
    string ReceiverOin,
    SubjectInput Subject,
    IReadOnlyList<Leefgebied> Leefgebieden,
    long LeefgebiedMask,
    Urgency Urgency,
    string PurposeCode,
    Contracts.V1.LegalBasis? ClaimedBasis,
    Referral Content);
