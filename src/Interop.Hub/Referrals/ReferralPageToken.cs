using Interop.Hub.Calls;

namespace Interop.Hub.Referrals;

/// <summary>
/// The page token of the referral lists (a <see cref="KeysetPageToken"/>): continues after (submit_time,
/// referral_id), bound to the canonical listing (which list, the caller, every filter, a BSN already as the hub's
/// pseudonym).
/// </summary>
internal static class ReferralPageToken
{
    private const string Version = "r1";

    /// <summary>The binding of a listing, from its canonical form.</summary>
    public static string Bind(string canonicalListing) => KeysetPageToken.Bind(canonicalListing);

    /// <summary>A token that continues after <paramref name="position"/> in the listing bound to <paramref name="binding"/>.</summary>
    public static string Create(ReferralPagePosition position, string binding) =>
        KeysetPageToken.Create(Version, position.SubmitTime, position.ReferralId, binding);

    /// <summary>The position to continue after; null when the token is malformed or belongs to another listing.</summary>
    public static ReferralPagePosition? Read(string token, string binding) =>
        KeysetPageToken.TryRead(token, Version, binding, ReferralFields.IsCanonicalUuid, out var submitTime, out var referralId)
            ? new ReferralPagePosition(submitTime, referralId)
            : null;
}
