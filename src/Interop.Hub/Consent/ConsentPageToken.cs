using Interop.Hub.Calls;

namespace Interop.Hub.Consent;

/// <summary>
/// The page token of ListConsents (a <see cref="KeysetPageToken"/>): continues after (record_time, consent_id),
/// bound to the jongere and include_inactive.
/// </summary>
internal static class ConsentPageToken
{
    private const string Version = "c1";

    /// <summary>The binding of a listing of <paramref name="subjectKey"/> (a pseudonym or subject_ref).</summary>
    public static string Filters(string subjectKey, bool includeInactive) =>
        KeysetPageToken.Bind(subjectKey + "\n" + (includeInactive ? "all" : "active"));

    /// <summary>A token that continues after (<paramref name="recordTime"/>, <paramref name="consentId"/>) under <paramref name="filters"/>.</summary>
    public static string Create(long recordTime, string consentId, string filters) =>
        KeysetPageToken.Create(Version, recordTime, consentId, filters);

    /// <summary>The key to continue after; false when the token is malformed or was issued for other filters.</summary>
    public static bool TryRead(string token, string filters, out long recordTime, out string consentId) =>
        KeysetPageToken.TryRead(token, Version, filters, ConsentFieldRules.IsConsentId, out recordTime, out consentId);
}
