namespace Interop.Hub.Handovers;

/// <summary>A row of the plan table: the index columns of a jongere's current plan version.</summary>
internal sealed class PlanRow
{
    /// <summary>The columns in the order and names this type reads them (prefix a table alias with <c>p.</c>).</summary>
    public const string Columns = "p.plan_id AS PlanId, p.subject_pseudonym AS SubjectPseudonym, p.holder_oin AS HolderOin, p.regisseur_oin AS RegisseurOin, p.version AS Version, p.create_time AS CreateTime, p.update_time AS UpdateTime";

    /// <summary>The plan's identifier.</summary>
    public string PlanId { get; set; } = "";

    /// <summary>The jongere's pseudonym.</summary>
    public string SubjectPseudonym { get; set; } = "";

    /// <summary>The organisation that holds the plan now.</summary>
    public string HolderOin { get; set; } = "";

    /// <summary>The organisation of the current regisseur.</summary>
    public string RegisseurOin { get; set; } = "";

    /// <summary>The current version.</summary>
    public long Version { get; set; }

    /// <summary>When the first version was recorded (HubTime).</summary>
    public long CreateTime { get; set; }

    /// <summary>When the current version was recorded (HubTime).</summary>
    public long UpdateTime { get; set; }
}
