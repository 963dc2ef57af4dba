using Interop.Contracts.V1;

namespace Interop.Hub.Referrals;

/// <summary>
/// One change of the referral lifecycle (referrals.proto): who may make it and from which statuses.
/// SUBMITTED -> ACCEPTED | DECLINED | WITHDRAWN; ACCEPTED -> COMPLETED | WITHDRAWN.
/// </summary>
/// <param name="Name">The change, for messages ("accept").</param>
/// <param name="BySender">True when the sender makes it (withdraw), false for the receiver (accept, decline, complete).</param>
/// <param name="To">The status it leads to.</param>
/// <param name="From">The statuses it may start from.</param>
/// <param name="CarriesText">Whether it adds case text (a decline explanation, withdraw reason, outcome).</param>
internal sealed record ReferralTransition(string Name, bool BySender, ReferralStatus To, IReadOnlyList<ReferralStatus> From, bool CarriesText)
{
    /// <summary>The precondition type of an illegal transition.</summary>
    public const string PreconditionType = "REFERRAL_STATUS";

    /// <summary>The receiver takes the referral on.</summary>
    public static ReferralTransition Accept { get; } = new("accept", false, ReferralStatus.Accepted, [ReferralStatus.Submitted], false);

    /// <summary>The receiver declines.</summary>
    public static ReferralTransition Decline { get; } = new("decline", false, ReferralStatus.Declined, [ReferralStatus.Submitted], true);

    /// <summary>The sender withdraws.</summary>
    public static ReferralTransition Withdraw { get; } = new("withdraw", true, ReferralStatus.Withdrawn, [ReferralStatus.Submitted, ReferralStatus.Accepted], true);

    /// <summary>The receiver closes with an outcome.</summary>
    public static ReferralTransition Complete { get; } = new("complete", false, ReferralStatus.Completed, [ReferralStatus.Accepted], true);

    /// <summary>Whether the change may start from <paramref name="status"/>.</summary>
    public bool AllowedFrom(ReferralStatus status) => From.Contains(status);

    /// <summary>Why it may not start from <paramref name="status"/>, naming only statuses.</summary>
    public string Refusal(ReferralStatus status) =>
        $"Cannot {Name} a referral that is {Describe(status)}; {Name} is allowed only when it is {string.Join(" or ", From.Select(Describe))}.";

    private static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Submitted => "SUBMITTED",
        ReferralStatus.Accepted => "ACCEPTED",
        ReferralStatus.Declined => "DECLINED",
        ReferralStatus.Withdrawn => "WITHDRAWN",
        ReferralStatus.Completed => "COMPLETED",
        _ => "in an unknown status",
    };
}
