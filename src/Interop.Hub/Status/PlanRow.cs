namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a jongere's plan row: who holds it and who is regisseur.</summary>
internal sealed class PlanRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns = "plan_id AS PlanId, holder_oin AS HolderOin, regisseur_oin AS RegisseurOin, create_time AS CreateTime, update_time AS UpdateTime";

    /// <summary>The plan.</summary>
    public string PlanId { get; set; } = "";

    /// <summary>The organisation holding the plan.</summary>
    public string HolderOin { get; set; } = "";

    /// <summary>The regisseur's organisation.</summary>
    public string RegisseurOin { get; set; } = "";

    /// <summary>When the plan was first recorded (stored microseconds).</summary>
    public long CreateTime { get; set; }

    /// <summary>When its current version was recorded (stored microseconds).</summary>
    public long UpdateTime { get; set; }
}
