using Interop.Federation.Internal;
using Microsoft.IdentityModel.Tokens;

namespace Interop.Federation.Keys;

public sealed partial class HubSigningKeyManager
{
    private async Task<HubKeyRing> RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var keys = (await _store.ListSigningKeysAsync(cancellationToken).ConfigureAwait(false)).ToList();

        // An old key leaves the JWKS only once every token it signed has expired.
        foreach (var retired in keys.Where(k => k.RetiresAt <= now).ToList())
        {
            await _store.DeleteSigningKeyAsync(retired.Kid, cancellationToken).ConfigureAwait(false);
            _parsedKeys.TryRemove(retired.Kid, out _);
            keys.Remove(retired);
            FederationLog.SigningKeyRetired(_logger, retired.Kid);
        }

        // The newest key that has started signing; of two starting at the same instant (a rotation with no lead time),
        // the one created last, so an immediate rotation really replaces the current key.
        var signing = keys.Where(k => k.SigningStartsAt <= now).OrderBy(k => k.SigningStartsAt).ThenBy(k => k.CreatedAt).LastOrDefault();
        if (signing is null)
        {
            // First start (or every key retired): this key must sign at once, there is nothing to hand over from.
            signing = await CreateKeyAsync(now, now, cancellationToken).ConfigureAwait(false);
            keys.Add(signing);
        }

        var successorDueAt = signing.SigningStartsAt + _policy.RotationPeriod - _policy.PublicationLeadTime;
        if (!keys.Any(k => k.SigningStartsAt > signing.SigningStartsAt) && now >= successorDueAt)
        {
            // Published at least the lead time before it signs, even when this check runs late.
            var startsAt = Max(signing.SigningStartsAt + _policy.RotationPeriod, now + _policy.PublicationLeadTime);
            keys.Add(await CreateKeyAsync(now, startsAt, cancellationToken).ConfigureAwait(false));
        }

        // Stable, so keys created at the same instant keep the store's creation order.
        keys = [.. keys.OrderBy(k => k.SigningStartsAt).ThenBy(k => k.CreatedAt)];
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (keys[i].RetiresAt is null)
            {
                var retiresAt = keys[i + 1].SigningStartsAt + _policy.RetireAfter;
                await _store.SetSigningKeyRetiresAtAsync(keys[i].Kid, retiresAt, cancellationToken).ConfigureAwait(false);
                keys[i] = keys[i] with { RetiresAt = retiresAt };
            }
        }

        var published = keys.Select(ToPublicJwk).ToList();
        var credentials = new SigningCredentials(GetPrivateKey(signing), signing.Algorithm);

        var nextCheckAt = now + _policy.RefreshInterval;
        var transitions = keys.Where(k => k.SigningStartsAt > now).Select(k => k.SigningStartsAt)
            .Concat(keys.Where(k => k.RetiresAt > now).Select(k => k.RetiresAt!.Value))
            .Append(successorDueAt > now ? successorDueAt : nextCheckAt);
        foreach (var transition in transitions)
        {
            nextCheckAt = Min(nextCheckAt, transition);
        }

        return new HubKeyRing(credentials, published, nextCheckAt);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
