using System.Data.Common;

namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a referral row that a status answer shows (no content).</summary>
internal sealed class ReferralRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns =
        "referral_id AS ReferralId, sender_oin AS SenderOin, receiver_oin AS ReceiverOin, status AS Status, leefgebied_mask AS LeefgebiedMask, submit_time AS SubmitTime";

    /// <summary>
    /// The row at <paramref name="reader"/>'s position, read by ordinal in the order of <see cref="Columns"/> (the
    /// status snapshot reads its six results without Dapper: it runs in the writer, once per status query).
    /// </summary>
    public static ReferralRow Read(DbDataReader reader) => new()
    {
        ReferralId = reader.GetString(0),
        SenderOin = reader.GetString(1),
        ReceiverOin = reader.GetString(2),
        Status = reader.GetInt64(3),
        LeefgebiedMask = reader.GetInt64(4),
        SubmitTime = reader.GetInt64(5),
    };

    /// <summary>The referral.</summary>
    public string ReferralId { get; set; } = "";

    /// <summary>Its sender.</summary>
    public string SenderOin { get; set; } = "";

    /// <summary>Its receiver.</summary>
    public string ReceiverOin { get; set; } = "";

    /// <summary>The interop.v1.ReferralStatus number.</summary>
    public long Status { get; set; }

    /// <summary>Its leefgebieden (<see cref="JongereStatus.LeefgebiedMask"/>).</summary>
    public long LeefgebiedMask { get; set; }

    /// <summary>When it was submitted (stored microseconds).</summary>
    public long SubmitTime { get; set; }

    /// <summary>Whether <paramref name="oin"/> is its sender or receiver.</summary>
    public bool Involves(string oin) => SenderOin == oin || ReceiverOin == oin;
}
