namespace Interop.Hub.Consent;

/// <summary>The consent service's SQL (portable between SQLite and PostgreSQL).</summary>
internal static class ConsentSql
{
    /// <summary>The columns of <see cref="StoredConsent"/>, aliased to its property names.</summary>
    public const string Columns =
        "consent_id AS ConsentId, subject_pseudonym AS SubjectPseudonym, grantee_oin AS GranteeOin, " +
        "CAST(grantee_kind AS BIGINT) AS GranteeKind, grantee_region AS GranteeRegion, purpose_code AS PurposeCode, " +
        "leefgebied_mask AS LeefgebiedMask, category_mask AS CategoryMask, valid_from AS ValidFrom, valid_until AS ValidUntil, " +
        "recorded_by_oin AS RecordedByOin, record_time AS RecordTime, revoke_time AS RevokeTime, revoked_by_oin AS RevokedByOin, " +
        "details AS Details";

    /// <summary>Inserts a new consent.</summary>
    public const string Insert =
        "INSERT INTO consent (consent_id, subject_pseudonym, grantee_oin, grantee_kind, grantee_region, purpose_code, " +
        "leefgebied_mask, category_mask, valid_from, valid_until, recorded_by_oin, record_time, details) VALUES " +
        "(@ConsentId, @SubjectPseudonym, @GranteeOin, @GranteeKind, @GranteeRegion, @PurposeCode, @LeefgebiedMask, " +
        "@CategoryMask, @ValidFrom, @ValidUntil, @RecordedByOin, @RecordTime, @Details)";

    /// <summary>One consent by id.</summary>
    public const string SelectById = "SELECT " + Columns + " FROM consent WHERE consent_id = @consentId";

    /// <summary>Records a revocation, unless one was recorded first.</summary>
    public const string Revoke =
        "UPDATE consent SET revoke_time = @now, revoked_by_oin = @revokedBy, revoke_details = @revokeDetails " +
        "WHERE consent_id = @consentId AND revoke_time IS NULL";

    /// <summary>The organisations that received data under a consent (written by exchanges, ConsentDisclosures).</summary>
    public const string Disclosures = "SELECT recipient_oin FROM consent_disclosure WHERE consent_id = @consentId ORDER BY recipient_oin";

    /// <summary>
    /// A page of one jongere's consents that the caller may see: recorded by it, naming it, or naming its kind (in
    /// any region or in its own), newest first (keyset on record_time, consent_id). Parameters: @pseudonym,
    /// @callerOin, @callerKind, @callerRegion (upper case; only with <paramref name="withRegion"/>), @now (with
    /// <paramref name="activeOnly"/>), @afterTime and @afterId (with <paramref name="afterKey"/>), @limit.
    /// </summary>
    public static string ListPage(bool withRegion, bool activeOnly, bool afterKey) =>
        "SELECT " + Columns + " FROM consent WHERE subject_pseudonym = @pseudonym " +
        "AND (recorded_by_oin = @callerOin OR grantee_oin = @callerOin OR (grantee_kind = @callerKind AND (grantee_region IS NULL" +
        (withRegion ? " OR UPPER(grantee_region) = @callerRegion" : "") + "))) " +
        (activeOnly ? "AND revoke_time IS NULL AND valid_from <= @now AND (valid_until IS NULL OR valid_until > @now) " : "") +
        (afterKey ? "AND (record_time < @afterTime OR (record_time = @afterTime AND consent_id < @afterId)) " : "") +
        "ORDER BY record_time DESC, consent_id DESC LIMIT @limit";
}
