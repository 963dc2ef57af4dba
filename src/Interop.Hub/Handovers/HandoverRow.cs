namespace Interop.Hub.Handovers;

/// <summary>A row of the handover table.</summary>
internal sealed class HandoverRow
{
    /// <summary>The columns in the order and names this type reads them (table alias <c>h.</c>).</summary>
    public const string Columns = "h.handover_id AS HandoverId, h.plan_id AS PlanId, h.plan_version AS PlanVersion, h.subject_pseudonym AS SubjectPseudonym, h.from_oin AS FromOin, h.to_oin AS ToOin, h.reason AS Reason, h.status AS Status, h.version AS Version, h.offer_time AS OfferTime, h.decide_time AS DecideTime, h.content AS Content";

    /// <summary>The handover's identifier.</summary>
    public string HandoverId { get; set; } = "";

    /// <summary>The plan handed over.</summary>
    public string PlanId { get; set; } = "";

    /// <summary>The plan version offered.</summary>
    public long PlanVersion { get; set; }

    /// <summary>The jongere's pseudonym.</summary>
    public string SubjectPseudonym { get; set; } = "";

    /// <summary>The offering organisation.</summary>
    public string FromOin { get; set; } = "";

    /// <summary>The receiving organisation.</summary>
    public string ToOin { get; set; } = "";

    /// <summary>The interop.v1.HandoverReason number.</summary>
    public int Reason { get; set; }

    /// <summary>The interop.v1.HandoverStatus number.</summary>
    public int Status { get; set; }

    /// <summary>The handover's version.</summary>
    public long Version { get; set; }

    /// <summary>When it was offered (HubTime).</summary>
    public long OfferTime { get; set; }

    /// <summary>When it was decided (HubTime), or null while offered.</summary>
    public long? DecideTime { get; set; }

    /// <summary>The encrypted explanation, planned transfer time and decline reason (see <see cref="PlanContentProtector"/>).</summary>
    public string Content { get; set; } = "";
}
