namespace Interop.Hub.Handovers;

/// <summary>A row of plan_version: one version of a plan, its content encrypted.</summary>
internal sealed class PlanVersionRow
{
    /// <summary>The columns in the order and names this type reads them (table alias <c>v.</c>).</summary>
    public const string Columns = "v.plan_id AS PlanId, v.version AS Version, v.holder_oin AS HolderOin, v.regisseur_oin AS RegisseurOin, v.recorded_by_oin AS RecordedByOin, v.record_time AS RecordTime, v.content AS Content, v.regisseur_since AS RegisseurSince";

    /// <summary>The plan.</summary>
    public string PlanId { get; set; } = "";

    /// <summary>This version's number.</summary>
    public long Version { get; set; }

    /// <summary>Who held the plan at this version.</summary>
    public string HolderOin { get; set; } = "";

    /// <summary>The regisseur's organisation at this version.</summary>
    public string RegisseurOin { get; set; } = "";

    /// <summary>The organisation that wrote this version.</summary>
    public string RecordedByOin { get; set; } = "";

    /// <summary>When it was written (HubTime).</summary>
    public long RecordTime { get; set; }

    /// <summary>The encrypted content (see <see cref="PlanContentProtector"/>).</summary>
    public string Content { get; set; } = "";

    /// <summary>Since when this version's regisseur directs the plan (HubTime).</summary>
    public long RegisseurSince { get; set; }
}
