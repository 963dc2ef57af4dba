namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a handover row that a status answer shows (no content).</summary>
internal sealed class HandoverRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns =
        "handover_id AS HandoverId, from_oin AS FromOin, to_oin AS ToOin, reason AS Reason, offer_time AS OfferTime";

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
