using System.Data.Common;

namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a handover row that a status answer shows (no content).</summary>
internal sealed class HandoverRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns =
        "handover_id AS HandoverId, from_oin AS FromOin, to_oin AS ToOin, reason AS Reason, offer_time AS OfferTime";

    /// <summary>
    /// The row at <paramref name="reader"/>'s position, read by ordinal in the order of <see cref="Columns"/> (the
    /// status snapshot reads its six results without Dapper: it runs in the writer, once per status query).
    /// </summary>
    public static HandoverRow Read(DbDataReader reader) => new()
    {
        HandoverId = reader.GetString(0),
        FromOin = reader.GetString(1),
        ToOin = reader.GetString(2),
        Reason = reader.GetInt64(3),
        OfferTime = reader.GetInt64(4),
    };

    /// <summary>The handover.</summary>
    public string HandoverId { get; set; } = "";

    /// <summary>The offering organisation.</summary>
    public string FromOin { get; set; } = "";

    /// <summary>The receiving organisation.</summary>
    public string ToOin { get; set; } = "";

    /// <summary>The interop.v1.HandoverReason number.</summary>
    public long Reason { get; set; }

    /// <summary>When it was offered (stored microseconds).</summary>
    public long OfferTime { get; set; }

    /// <summary>Whether <paramref name="oin"/> is one of its parties.</summary>
    public bool Involves(string oin) => FromOin == oin || ToOin == oin;
}
