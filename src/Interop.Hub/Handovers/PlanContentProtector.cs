using Google.Protobuf;
using Interop.Contracts.V1;
using Interop.Privacy;

namespace Interop.Hub.Handovers;

/// <summary>
/// Encrypts what plans and handovers hold of personal data, bound to its row (0004_plans_and_handovers.sql): a plan
/// version's goals, agreements and regisseur as a <see cref="Plan"/> with only those fields set (associated data
/// "plan:" + plan_id + ":" + version), a handover's explanation, planned transfer time and decline reason as a
/// <see cref="Handover"/> with only those set ("handover:" + handover_id). Base64 in TEXT columns.
/// </summary>
internal sealed class PlanContentProtector(PersonalDataProtector protector)
{
    /// <summary>The stored form of a plan version's content.</summary>
    public string Protect(Plan content, string planId, long version) =>
        Convert.ToBase64String(protector.Protect(content.ToByteArray(), System.Text.Encoding.UTF8.GetBytes(PlanData(planId, version))));

    /// <summary>The content of a plan version as stored.</summary>
    public Plan UnprotectPlan(string stored, string planId, long version) =>
        Plan.Parser.ParseFrom(protector.Unprotect(Convert.FromBase64String(stored), System.Text.Encoding.UTF8.GetBytes(PlanData(planId, version))));

    /// <summary>The stored form of a handover's content.</summary>
    public string Protect(Handover content, string handoverId) =>
        Convert.ToBase64String(protector.Protect(content.ToByteArray(), System.Text.Encoding.UTF8.GetBytes("handover:" + handoverId)));

    /// <summary>The content of a handover as stored.</summary>
    public Handover UnprotectHandover(string stored, string handoverId) =>
        Handover.Parser.ParseFrom(protector.Unprotect(Convert.FromBase64String(stored), System.Text.Encoding.UTF8.GetBytes("handover:" + handoverId)));

    private static string PlanData(string planId, long version) =>
        "plan:" + planId + ":" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
