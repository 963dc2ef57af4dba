namespace Interop.Hub.JongereStatus;

/// <summary>The index columns of a referral row that a status answer shows (no content).</summary>
internal sealed class ReferralRow
{
    /// <summary>The SELECT list that fills this type.</summary>
    public const string Columns =
        "referral_id AS ReferralId, sender_oin AS SenderOin, receiver_oin AS ReceiverOin, status AS Status, leefgebied_mask AS LeefgebiedMask, submit_time AS SubmitTime";

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
