using Interop.Hub.Storage;

namespace Interop.Hub.Consent;

/// <summary>One row of the consent table as <see cref="ConsentSql"/> selects it (Dapper fills it by column alias).</summary>
internal sealed class StoredConsent
{
    /// <summary>consent_id: a lower-case UUID.</summary>
    public string ConsentId { get; set; } = "";

    /// <summary>subject_pseudonym: the jongere's keyed pseudonym.</summary>
    public string SubjectPseudonym { get; set; } = "";

    /// <summary>grantee_oin: the one organisation granted, or null for a kind grant.</summary>
    public string? GranteeOin { get; set; }

    /// <summary>grantee_kind: the interop.v1.OrganisationKind number granted, or null for an organisation grant.</summary>
    public long? GranteeKind { get; set; }

    /// <summary>grantee_region: the RMC region a kind grant is limited to, or null.</summary>
    public string? GranteeRegion { get; set; }

    /// <summary>purpose_code.</summary>
    public string PurposeCode { get; set; } = "";

    /// <summary>leefgebied_mask (see <see cref="EnumMask"/>).</summary>
    public long LeefgebiedMask { get; set; }

    /// <summary>category_mask (see <see cref="EnumMask"/>).</summary>
    public long CategoryMask { get; set; }

    /// <summary>valid_from (HubTime micros).</summary>
    public long ValidFrom { get; set; }

    /// <summary>valid_until (HubTime micros, exclusive), or null for open-ended.</summary>
    public long? ValidUntil { get; set; }

    /// <summary>recorded_by_oin.</summary>
    public string RecordedByOin { get; set; } = "";

    /// <summary>record_time (HubTime micros).</summary>
    public long RecordTime { get; set; }

    /// <summary>revoke_time (HubTime micros), or null.</summary>
    public long? RevokeTime { get; set; }

    /// <summary>revoked_by_oin, or null.</summary>
    public string? RevokedByOin { get; set; }

    /// <summary>details: the encrypted <c>ConsentProvenance</c> personal data (base64).</summary>
    public string Details { get; set; } = "";
}
