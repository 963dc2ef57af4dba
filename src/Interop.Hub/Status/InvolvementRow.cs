using System.Data.Common;
using Interop.Hub.Storage;
using Interop.ProcessingLog;

namespace Interop.Hub.JongereStatus;

/// <summary>One row of the involvement table (times as stored: microseconds, <see cref="HubTime"/>).</summary>
internal sealed class InvolvementRow
{
    /// <summary>The SELECT list that fills this type (prefix the table alias where needed).</summary>
    public const string Columns =
        "subject_pseudonym AS SubjectPseudonym, organisation_oin AS OrganisationOin, leefgebied_mask AS LeefgebiedMask, since_time AS SinceTime, expire_time AS ExpireTime, end_time AS EndTime, legal_basis_kind AS LegalBasisKind, legal_basis_value AS LegalBasisValue, purpose_code AS PurposeCode";

    /// <summary>
    /// The row at <paramref name="reader"/>'s position, read by ordinal in the order of <see cref="Columns"/> (the
    /// status snapshot reads its six results without Dapper: it runs in the writer, once per status query).
    /// </summary>
    public static InvolvementRow Read(DbDataReader reader) => new()
    {
        SubjectPseudonym = reader.GetString(0),
        OrganisationOin = reader.GetString(1),
        LeefgebiedMask = reader.GetInt64(2),
        SinceTime = reader.GetInt64(3),
        ExpireTime = reader.IsDBNull(4) ? null : reader.GetInt64(4),
        EndTime = reader.IsDBNull(5) ? null : reader.GetInt64(5),
        LegalBasisKind = reader.GetInt64(6),
        LegalBasisValue = reader.GetString(7),
        PurposeCode = reader.GetString(8),
    };

    /// <summary>The jongere.</summary>
    public string SubjectPseudonym { get; set; } = "";

    /// <summary>The involved organisation.</summary>
    public string OrganisationOin { get; set; } = "";

    /// <summary>Its leefgebieden (<see cref="JongereStatus.LeefgebiedMask"/>).</summary>
    public long LeefgebiedMask { get; set; }

    /// <summary>When first registered.</summary>
    public long SinceTime { get; set; }

    /// <summary>When it lapses unless renewed.</summary>
    public long? ExpireTime { get; set; }

    /// <summary>When it was ended, or null while open.</summary>
    public long? EndTime { get; set; }

    /// <summary>The <see cref="ProcessingLegalBasisKind"/> number of its basis.</summary>
    public long LegalBasisKind { get; set; }

    /// <summary>The consent id or statutory task code.</summary>
    public string LegalBasisValue { get; set; } = "";

    /// <summary>The purpose its basis was checked for.</summary>
    public string PurposeCode { get; set; } = "";

    /// <summary>Whether it is open and not lapsed at <paramref name="now"/> (stored microseconds).</summary>
    public bool IsActiveAt(long now) => EndTime is null && (ExpireTime is null || ExpireTime > now);

    /// <summary>The basis it was registered on, for the processing log.</summary>
    public ProcessingLegalBasis Basis => (ProcessingLegalBasisKind)LegalBasisKind switch
    {
        ProcessingLegalBasisKind.Consent when LegalBasisValue.Length > 0 => ProcessingLegalBasis.Consent(LegalBasisValue),
        ProcessingLegalBasisKind.StatutoryTask when LegalBasisValue.Length > 0 => ProcessingLegalBasis.StatutoryTask(LegalBasisValue),
        _ => ProcessingLegalBasis.None,
    };
}
