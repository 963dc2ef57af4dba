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
}
