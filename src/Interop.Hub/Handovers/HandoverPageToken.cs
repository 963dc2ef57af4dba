using Interop.Hub.Calls;

namespace Interop.Hub.Handovers;

/// <summary>
/// The page token of ListHandovers (a <see cref="KeysetPageToken"/>): continues after (offer_time, handover_id),
/// bound to the caller and every filter.
/// </summary>
internal static class HandoverPageToken
{
    private const string Version = "h1";

    /// <summary>A token that continues after (<paramref name="offerTime"/>, <paramref name="handoverId"/>) under <paramref name="filters"/>.</summary>
    public static string Create(long offerTime, string handoverId, string filters) =>
        KeysetPageToken.Create(Version, offerTime, handoverId, KeysetPageToken.Bind(filters));

    /// <summary>The position to continue after; false when the token is malformed or was issued for other filters.</summary>
    public static bool TryRead(string token, string filters, out long offerTime, out string handoverId) =>
        KeysetPageToken.TryRead(token, Version, KeysetPageToken.Bind(filters), static id => Guid.TryParseExact(id, "D", out _), out offerTime, out handoverId);
}
