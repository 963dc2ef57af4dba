using Interop.Federation.Keys;

namespace Interop.Federation.Tests.Storage;

public abstract partial class FederationStoreTests<TStore>
{
    // The store keeps the PEM as text; it never parses it.
    private const string Pem = "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n";

    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_795_000_000_123);

    [Fact]
    public async Task SigningKeys_AddRetireDelete_RoundTrips()
    {
        var successor = new SigningKeyRecord("kid-2", "RS256", Pem, T0.AddDays(29), T0.AddDays(30), null);
        var current = new SigningKeyRecord("kid-1", "RS256", Pem, T0, T0, null);
        await Store.AddSigningKeyAsync(successor).WaitAsync(Timeout);
        await Store.AddSigningKeyAsync(current).WaitAsync(Timeout);

        // Ordered by when they start signing, whatever the insertion order; times kept to the millisecond.
        Assert.Equal(new[] { current, successor }, await Store.ListSigningKeysAsync().WaitAsync(Timeout));

        await Store.SetSigningKeyRetiresAtAsync("kid-1", T0.AddDays(30).AddMinutes(11)).WaitAsync(Timeout);
        Assert.Equal(new[] { current with { RetiresAt = T0.AddDays(30).AddMinutes(11) }, successor }, await Store.ListSigningKeysAsync().WaitAsync(Timeout));

        await Store.DeleteSigningKeyAsync("kid-1").WaitAsync(Timeout);
        Assert.Equal(new[] { successor }, await Store.ListSigningKeysAsync().WaitAsync(Timeout));
    }

    [Fact]
    public async Task SigningKeys_SameStartAndCreation_ListedInInsertionOrder()
    {
        // The key manager lets the last created of two keys with the same start sign: the order must be insertion
        // order, not the kid's.
        await Store.AddSigningKeyAsync(new SigningKeyRecord("kid-b", "RS256", Pem, T0, T0, null)).WaitAsync(Timeout);
        await Store.AddSigningKeyAsync(new SigningKeyRecord("kid-a", "RS256", Pem, T0, T0, null)).WaitAsync(Timeout);
        Assert.Equal(new[] { "kid-b", "kid-a" }, (await Store.ListSigningKeysAsync().WaitAsync(Timeout)).Select(k => k.Kid));
    }
}
