namespace Interop.Hub.Referrals;

/// <summary>A stored idempotency key of SubmitReferral: the hash of the first request and the referral it created.</summary>
internal sealed class IdempotencyEntry
{
    /// <summary>SHA-256 (hex) of the first request.</summary>
    public string RequestHash { get; set; } = "";

    /// <summary>The referral the first request created.</summary>
    public string ReferralId { get; set; } = "";
}
