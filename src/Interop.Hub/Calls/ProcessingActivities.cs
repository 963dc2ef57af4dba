namespace Interop.Hub.Calls;

/// <summary>The hub's register of processing activities: one per kind of exchange it carries out.</summary>
internal static class ProcessingActivities
{
    /// <summary>Referrals (verwijzingen): submitting, deciding, completing and reading them.</summary>
    public static ProcessingActivity Referral { get; } = new("interop-verwijzing", "P5Y");

    /// <summary>Consent (toestemming): registering, revoking, listing and checking it.</summary>
    public static ProcessingActivity Consent { get; } = new("interop-toestemming", "P5Y");

    /// <summary>Plans and their handovers (plan, overdracht, regie).</summary>
    public static ProcessingActivity PlanHandover { get; } = new("interop-plan-overdracht", "P5Y");

    /// <summary>Status queries and registering involvement (betrokkenheid, as the Verwijsindex).</summary>
    public static ProcessingActivity Status { get; } = new("interop-status-betrokkenheid", "P5Y");

    /// <summary>Inzage in the processing log by a jongere's organisation (itself a processing of personal data).</summary>
    public static ProcessingActivity Inzage { get; } = new("interop-inzage", "P5Y");
}
