namespace Interop.Hub.Referrals;

/// <summary>
/// One row of the referral table as read with Dapper, joined with the jongere's encrypted BSN (for the reader's
/// subject_ref and the BSN the parties get). Plain columns are authoritative for status, version and times; the rest
/// is in <see cref="Content"/>.
/// </summary>
internal sealed class ReferralRow
{
    /// <summary>The referral's id.</summary>
    public string ReferralId { get; set; } = "";

    /// <summary>The sender's OIN.</summary>
    public string SenderOin { get; set; } = "";

    /// <summary>The receiver's OIN.</summary>
    public string ReceiverOin { get; set; } = "";

    /// <summary>The jongere's keyed pseudonym.</summary>
    public string SubjectPseudonym { get; set; } = "";

    /// <summary>The interop.v1.ReferralStatus number.</summary>
    public long Status { get; set; }

    /// <summary>The version (1 after submission, +1 per change).</summary>
    public long Version { get; set; }

    /// <summary>Bit (1 &lt;&lt; Leefgebied number) per leefgebied.</summary>
    public long LeefgebiedMask { get; set; }

    /// <summary>The interop.v1.Urgency number.</summary>
    public long Urgency { get; set; }

    /// <summary>Submission time (HubTime).</summary>
    public long SubmitTime { get; set; }

    /// <summary>Last change (HubTime).</summary>
    public long UpdateTime { get; set; }

    /// <summary>The purpose code the referral was submitted for.</summary>
    public string PurposeCode { get; set; } = "";

    /// <summary>The ProcessingLegalBasisKind number.</summary>
    public long LegalBasisKind { get; set; }

    /// <summary>The consent_id or statutory task code.</summary>
    public string LegalBasisValue { get; set; } = "";

    /// <summary>The encrypted content (base64).</summary>
    public string Content { get; set; } = "";

    /// <summary>The jongere's encrypted BSN from the subject table (base64).</summary>
    public string BsnProtected { get; set; } = "";

    /// <summary>The referral's status.</summary>
    public Contracts.V1.ReferralStatus ReferralStatus => (Contracts.V1.ReferralStatus)Status;
}
