namespace Interop.Hub.Handovers;

/// <summary>
/// The purpose (doelbinding) of every processing of plans and handovers: directing the jongere's support along one
/// plan ("een jongere, een regisseur, een plan"). handovers.proto has no purpose field, so the hub records this one.
/// </summary>
internal static class PlanHandoverPurpose
{
    /// <summary>The purpose code in the processing log and in basis queries.</summary>
    public const string Code = "regie-en-plan";
}
