using System.Data.Common;

namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a jongere's plan row: who holds it and who is regisseur.</summary>
internal sealed class PlanRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns = "plan_id AS PlanId, holder_oin AS HolderOin, regisseur_oin AS RegisseurOin, create_time AS CreateTime, update_time AS UpdateTime";

    /// <summary>
    /// The row at <paramref name="reader"/>'s position, read by ordinal in the order of <see cref="Columns"/> (the
    /// status snapshot reads its six results without Dapper: it runs in the writer, once per status query).
    /// </summary>
    public static PlanRow Read(DbDataReader reader) => new()
    {
        PlanId = reader.GetString(0),
        HolderOin = reader.GetString(1),
        RegisseurOin = reader.GetString(2),
        CreateTime = reader.GetInt64(3),
        UpdateTime = reader.GetInt64(4),
    };

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
