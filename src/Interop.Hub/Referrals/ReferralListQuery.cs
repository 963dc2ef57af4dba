using Interop.Contracts.V1;
using Interop.Hub.Subjects;

namespace Interop.Hub.Referrals;

/// <summary>A validated ListSentReferrals or ListReceivedReferrals request.</summary>
/// <param name="Sent">True for the caller's sent referrals, false for its received ones.</param>
/// <param name="CallerOin">The caller.</param>
/// <param name="Statuses">Only these statuses; empty for any.</param>
/// <param name="LeefgebiedMask">Only referrals asking help on one of these (bit per leefgebied); 0 for any.</param>
/// <param name="SubmitFrom">Inclusive lower bound on submit_time (HubTime), or null.</param>
/// <param name="SubmitBefore">Exclusive upper bound on submit_time (HubTime), or null.</param>
/// <param name="Subject">Only this jongere, or null.</param>
/// <param name="PageSize">How many at most (1-500).</param>
/// <param name="After">Continue after this position (from the page token), or null for the first page.</param>
/// <param name="Binding">The listing's hash its page tokens are bound to.</param>
internal sealed record ReferralListQuery(
    bool Sent,
    string CallerOin,
    IReadOnlyList<ReferralStatus> Statuses,
    long LeefgebiedMask,
    long? SubmitFrom,
    long? SubmitBefore,
    SubjectInput? Subject,
    int PageSize,
    ReferralPagePosition? After,
    string Binding);
