using System.Data.Common;

namespace Interop.Hub.LegalBasis;

/// <summary>The columns of table consent the resolver reads (see migration 0003).</summary>
internal sealed class ConsentRow
{
    public string ConsentId { get; set; } = "";

    public string SubjectPseudonym { get; set; } = "";

    public string? GranteeOin { get; set; }

    public int? GranteeKind { get; set; }

    public string? GranteeRegion { get; set; }

    public string PurposeCode { get; set; } = "";

    public long LeefgebiedMask { get; set; }

    public long CategoryMask { get; set; }

    public long ValidFrom { get; set; }

    public long? ValidUntil { get; set; }

    public long? RevokeTime { get; set; }

    /// <summary>The SELECT list that fills this class.</summary>
    public const string Columns =
        "consent_id AS ConsentId, subject_pseudonym AS SubjectPseudonym, grantee_oin AS GranteeOin, grantee_kind AS GranteeKind, " +
        "grantee_region AS GranteeRegion, purpose_code AS PurposeCode, leefgebied_mask AS LeefgebiedMask, category_mask AS CategoryMask, " +
        "valid_from AS ValidFrom, valid_until AS ValidUntil, revoke_time AS RevokeTime";

    /// <summary>Every consent of one jongere (parameter <c>@pseudonym</c>), active or not: what <see cref="SubjectConsents"/> holds.</summary>
    public const string SelectBySubject = "SELECT " + Columns + " FROM consent WHERE subject_pseudonym = @pseudonym";

    /// <summary>
    /// The row at <paramref name="reader"/>'s position, read by ordinal in the order of <see cref="Columns"/> (the
    /// status snapshot reads the jongere's consents with it, without Dapper).
    /// </summary>
    public static ConsentRow Read(DbDataReader reader) => new()
    {
        ConsentId = reader.GetString(0),
        SubjectPseudonym = reader.GetString(1),
        GranteeOin = reader.IsDBNull(2) ? null : reader.GetString(2),
        GranteeKind = reader.IsDBNull(3) ? null : reader.GetInt32(3),
        GranteeRegion = reader.IsDBNull(4) ? null : reader.GetString(4),
        PurposeCode = reader.GetString(5),
        LeefgebiedMask = reader.GetInt64(6),
        CategoryMask = reader.GetInt64(7),
        ValidFrom = reader.GetInt64(8),
        ValidUntil = reader.IsDBNull(9) ? null : reader.GetInt64(9),
        RevokeTime = reader.IsDBNull(10) ? null : reader.GetInt64(10),
    };
}
