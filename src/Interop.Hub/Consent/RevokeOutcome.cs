namespace Interop.Hub.Consent;

/// <summary>What a RevokeConsent write found and did.</summary>
internal enum RevokeOutcome
{
    /// <summary>The consent is revoked from now on; its recipients were notified.</summary>
    Revoked,

    /// <summary>It was revoked before: returned unchanged, nobody notified again.</summary>
    AlreadyRevoked,

    /// <summary>Its period ended: nothing to revoke (FAILED_PRECONDITION).</summary>
    Expired,
}
