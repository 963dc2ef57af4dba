using Interop.Contracts.V1;
using Interop.Hub.Storage;

namespace Interop.Hub.Consent;

/// <summary>Whether a consent applies at a moment: computed from its period and revocation, never stored.</summary>
internal static class ConsentStates
{
    /// <summary>The state of <paramref name="row"/> at <paramref name="now"/>; a revocation is final and wins.</summary>
    public static ConsentState At(StoredConsent row, DateTimeOffset now)
    {
        var at = HubTime.ToStored(now);
        if (row.RevokeTime is not null)
        {
            return ConsentState.Revoked;
        }

        if (at < row.ValidFrom)
        {
            return ConsentState.NotYetValid;
        }

        return row.ValidUntil is { } until && until <= at ? ConsentState.Expired : ConsentState.Active;
    }
}
